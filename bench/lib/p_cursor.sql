-- The stored procedure with a cursor of the prepared workload (bench/workloads/prepared.sql calls it),
-- made once with the bench schema by bench/lib/mariadb.sh and bench/lib/mysql.sh, in the client's
-- DELIMITER syntax (5.7 has no CREATE PROCEDURE IF NOT EXISTS, and sessions should not each make it).
DELIMITER //
CREATE PROCEDURE p_cursor() BEGIN
  DECLARE done INT DEFAULT 0; DECLARE vc VARCHAR(200); DECLARE n INT DEFAULT 0;
  DECLARE cur CURSOR FOR SELECT c FROM t WHERE id % 3 = 0 ORDER BY a;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;
  OPEN cur; l: LOOP FETCH cur INTO vc; IF done THEN LEAVE l; END IF; SET n = n + 1; END LOOP; CLOSE cur; SELECT n;
END//
DELIMITER ;

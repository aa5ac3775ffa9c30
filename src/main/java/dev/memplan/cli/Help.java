package dev.memplan.cli;

/** The help texts, with examples. */
final class Help {

	static final String GENERAL = """
			memplan: MySQL and MariaDB memory budget planner

			Usage:
			  memplan check [options] FILE...   check option files against the host's RAM
			  memplan help                      this text
			  memplan version                   the version
			  java -jar memplan.jar             (no command) start the web page on http://localhost:8080

			Examples:
			  memplan check --server mysql-8.0 --ram 16G /etc/mysql/my.cnf
			  memplan check --server mariadb-10.11 --ram 8G my.cnf conf.d/*.cnf --format markdown
			  mysql -B -e 'SHOW GLOBAL VARIABLES' | memplan check --ram 32G --show-variables -

			See memplan check --help for every option.
			""";

	static final String CHECK = """
			Usage: memplan check [options] FILE...

			Reads the option files (FILE may be - for standard input), resolving !include and
			!includedir among the files given and on disk relative to the first file, and checks the
			worst case against the host's RAM.

			Exit codes:
			  0  FITS
			  1  TIGHT or OVERCOMMITTED (with --fail-on overcommitted: only OVERCOMMITTED)
			  2  input errors: an ERROR diagnostic (the server would refuse to start) or bad arguments

			Options:
			  --server ID                mysql-5.6 mysql-5.7 mysql-8.0 mysql-8.4 mariadb-10.6
			                             mariadb-10.11 mariadb-11.4 (default mysql-8.0; with
			                             --show-variables, the dump's version)
			  --ram SIZE                 the host's RAM, e.g. 16G or 7.5G (required)
			  --format text|markdown|json|sarif  json is the API's response; sarif is SARIF 2.1.0
			                             for code scanning (default text)
			  --instance GROUP           a mysqld_multi or suffix group, e.g. mysqld3306
			  --expected-connections N   plan the expected peak for N concurrent connections
			  --share 0.85               MySQL's share of RAM (default 0.85)
			  --reserved SIZE            memory kept for other processes (default 0)
			  --temp-tables-per-statement N  in-memory temp tables one statement holds at once
			                             (default: the measured count, docs/memory-terms.md)
			  --largest-packet SIZE      the largest row, result or statement clients exchange
			                             (default 1M, never above max_allowed_packet)
			  --allocator NAME           glibc (default), jemalloc or tcmalloc; --live reads it
			  --show-variables FILE      a SHOW GLOBAL VARIABLES dump instead of option files
			  --live HOST[:PORT]         read a live server instead (read-only statements)
			  --user USER                the user for --live
			  --password-env VAR         the environment variable holding its password
			                             (a password is never accepted on the command line)
			  --tls MODE                 DISABLED PREFERRED REQUIRED VERIFY_CA VERIFY_IDENTITY
			  --oom-log FILE             summarize the OOM kills in a kernel log (dmesg, journalctl -k,
			                             /var/log/messages); alone, or after the check
			  --fail-on tight|overcommitted  the least bad verdict that fails (default tight)
			  --recommend                print only the recommended [mysqld] snippet
			  -h, --help                 this text

			Examples:
			  memplan check --server mysql-8.0 --ram 16G my.cnf conf.d/*.cnf
			  memplan check --ram 4G --fail-on overcommitted --format json my.cnf > plan.json
			  cat my.cnf | memplan check --server mariadb-10.11 --ram 8G -
			  dmesg -T | memplan check --oom-log -
			  memplan check --server mysql-8.0 --ram 16G --recommend my.cnf >> tuned.cnf
			  MYSQL_PWD=... memplan check --live db1:3306 --user monitor --password-env MYSQL_PWD --ram 64G
			""";

	private Help() {
	}

}

SELECT COUNT(*) FROM t JOIN u ON t.a = u.b WHERE t.id < 20000;

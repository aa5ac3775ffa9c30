package dev.memplan.catalog;

public enum ServerFamily {
	MYSQL, MARIADB
}

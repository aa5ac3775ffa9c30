package dev.memplan.catalog;

/** One server series memplan knows the memory variables of, e.g. {@code mysql-8.0}. */
public record ServerProfile(String id, ServerFamily family, int major, int minor, String displayName) {

	public boolean isMySql() {
		return this.family == ServerFamily.MYSQL;
	}

	public boolean isMariaDb() {
		return this.family == ServerFamily.MARIADB;
	}

	/** True when this series is {@code major.minor} or newer (within its own family). */
	public boolean isAtLeast(int major, int minor) {
		return this.major > major || (this.major == major && this.minor >= minor);
	}

	/** {@code 8.0}, {@code 10.11}: the part of the version that names option-file groups. */
	public String series() {
		return this.major + "." + this.minor;
	}

	@Override
	public String toString() {
		return this.id;
	}

}

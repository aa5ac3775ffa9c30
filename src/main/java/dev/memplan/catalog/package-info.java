/**
 * What memplan knows about each server: profiles (MySQL 5.6 to 8.4, MariaDB 10.6 to 11.4), each memory variable with its default, bounds and block size per version, and the servers' option names; read from the data files under {@code src/main/resources/catalog}.
 * <p>
 * Imports core. Plain Java. See docs/design.md.
 */
package dev.memplan.catalog;

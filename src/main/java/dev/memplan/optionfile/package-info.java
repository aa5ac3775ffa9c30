/**
 * my.cnf as the server's own parser reads it: groups, {@code !include}/{@code !includedir} among the uploaded files only (never the disk), prefixes, {@code loose-}, instance groups; then the options interpreted for one server, each value with its file and line.
 * <p>
 * Imports core, catalog and budget's settings types. Plain Java. See docs/design.md.
 */
package dev.memplan.optionfile;

/**
 * A pasted {@code SHOW GLOBAL VARIABLES} (tab-separated, table or {@code \\G}): the server it names and the memory variables it holds.
 * <p>
 * Imports core, catalog and budget's settings types. Plain Java. See docs/design.md.
 */
package dev.memplan.showvariables;

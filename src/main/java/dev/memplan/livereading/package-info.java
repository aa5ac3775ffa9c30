/**
 * What a live server reported (variables, status, measured memory), as planner input with origin {@code live}, and the advice its status counters support.
 * <p>
 * Imports core, catalog and budget. Plain Java: the JDBC side is in {@code live}. See docs/design.md.
 */
package dev.memplan.livereading;

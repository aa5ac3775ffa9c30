/**
 * The planner page ({@code /}): the form, imports of my.cnf and SHOW VARIABLES, permalinks, and the exports (Markdown, JSON, my.cnf, SET PERSIST).
 * <p>
 * Imports web, app, report and the domain packages. Not the other web feature packages. See docs/design.md.
 */
package dev.memplan.web.planner;

/**
 * The live server page ({@code /live}): the connection form, the probe through {@code app.LivePlanService}, the report beside the server's own figures.
 * <p>
 * Imports web, app, report and the domain packages. Not the other web feature packages. See docs/design.md.
 */
package dev.memplan.web.live;

/**
 * The use cases, one implementation for every front end: plan from inputs ({@code PlanQuery}), plan from imported files, plan a live server ({@code LivePlanService}, taking the allowed hosts and timeouts as {@code LiveProbeSettings}), check a host and read an OOM log; and the permalink that reproduces a plan.
 * <p>
 * Imports the domain packages and live. Plain Java: no Spring, servlet or Jackson; the Spring wiring is {@code web.WebConfiguration}. See docs/design.md.
 */
package dev.memplan.app;

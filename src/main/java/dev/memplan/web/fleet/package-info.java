/**
 * The fleet page ({@code /fleet}): every target of the last scan worst first, filterable by label, with the scan's progress;
 * and one target's full report from that scan ({@code /fleet/{name}}). Reads {@code app.fleet.FleetScanner}.
 * <p>
 * Imports web, app, report and the domain packages. Not the other web feature packages. See docs/fleet.md.
 */
package dev.memplan.web.fleet;

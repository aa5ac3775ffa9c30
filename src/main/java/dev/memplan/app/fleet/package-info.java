/**
 * Many servers: the inventory (YAML, passwords only from an environment variable or an owner-only file), the scanner that plans
 * every target through {@code app.LivePlanService} on an interval with bounded concurrency, and the last scan kept in memory.
 * <p>
 * Imports app, live and the domain packages (and SnakeYAML for the inventory). Plain Java: the schedule and the metrics are wired
 * in web. See docs/design.md and docs/fleet.md.
 */
package dev.memplan.app.fleet;

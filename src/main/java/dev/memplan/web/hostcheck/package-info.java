/**
 * The Host & OOM page ({@code /host}): kernel logs and host snapshots through {@code app.HostCheckService}.
 * <p>
 * Imports web, app, report and the domain packages. Not the other web feature packages. See docs/design.md.
 */
package dev.memplan.web.hostcheck;

/**
 * {@code memplan check|help|version}: the same use cases as the page, without a web server; exit codes for CI.
 * <p>
 * Imports app, report and the domain packages (and Jackson for --format json). Never web or api. See docs/design.md.
 */
package dev.memplan.cli;

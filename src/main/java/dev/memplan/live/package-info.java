/**
 * The live probe, the only package that talks JDBC: a validated target (never user text inside a JDBC URL), the allowed hosts, read-only statements with bounded time, and one result per probe (connected or a named failure).
 * <p>
 * Imports core, catalog, livereading and the JDBC driver. No Spring. See docs/design.md.
 */
package dev.memplan.live;

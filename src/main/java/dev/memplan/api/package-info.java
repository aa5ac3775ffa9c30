/**
 * The JSON API under {@code /api/v1}: plan, live, OOM log and host; request bodies here, response records from report; errors as RFC 9457 problem documents.
 * <p>
 * Imports app, report and the domain packages, Spring MVC and Jackson. Never web or cli. See docs/design.md.
 */
package dev.memplan.api;

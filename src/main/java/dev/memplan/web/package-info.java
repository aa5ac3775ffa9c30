/**
 * Infrastructure shared by the pages: the Spring wiring of the use cases ({@code WebConfiguration}), language resolution, security headers, body limits, the page cache, error pages, and the helpers templates call (units, diagnostics in the reader's language, the chart).
 * <p>
 * Imports app, report and the domain packages, Spring MVC and Thymeleaf. Never api or cli; the feature packages below import it, it imports none of them. See docs/design.md.
 */
package dev.memplan.web;

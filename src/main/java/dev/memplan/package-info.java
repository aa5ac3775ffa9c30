/**
 * The application class: starts the web server, or the command line for {@code check|help|version}.
 * <p>
 * Imports anything it needs to start either; nothing imports it. See docs/design.md.
 */
package dev.memplan;

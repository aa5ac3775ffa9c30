/**
 * Every output format: text and Markdown reports, the my.cnf snippet, SET PERSIST statements, the JSON response records of the API with their mappers, and {@code EnglishText}, which says diagnostics in English from the message bundle.
 * <p>
 * Imports app and the domain packages. Plain Java: the records are serialized by the front ends. See docs/design.md.
 */
package dev.memplan.report;

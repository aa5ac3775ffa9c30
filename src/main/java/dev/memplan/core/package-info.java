/**
 * Values every layer shares: {@code ByteSize} (bytes inside, human units only at the edges), {@code Origin} (where a value came from), {@code Diagnostic} with its {@code DiagnosticCode} and {@code Severity}, and {@code InvalidInputException} for input that cannot be used.
 * <p>
 * Imports only the JDK. Plain Java: no Spring, servlet, Jackson or JDBC (ArchitectureTests). See docs/design.md.
 */
package dev.memplan.core;

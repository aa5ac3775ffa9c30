/**
 * Values every layer shares: {@code ByteSize} (bytes inside, human units only at the edges), {@code Origin} (where a value came from), {@code Diagnostic} with its {@code DiagnosticCode} and {@code Severity}, {@code InvalidInputException} for input that cannot be used, and {@code Message}, a sentence of the message bundles as key and values.
 * <p>
 * Imports only the JDK. Plain Java: no Spring, servlet, Jackson or JDBC (ArchitectureTests). See docs/design.md.
 */
package dev.memplan.core;

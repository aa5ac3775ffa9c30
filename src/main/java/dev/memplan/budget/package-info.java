/**
 * The calculation: settings normalized as the server would start with them, one method per memory term, the worst case and expected peak against the budget limit, the verdict, and the recommendation. Computes; writes no text and validates no HTTP field.
 * <p>
 * Imports core and catalog. Plain Java. See docs/design.md.
 */
package dev.memplan.budget;

package dev.memplan.budget;

/** Settings as the server will run them and their budget: what one pass through the calculator gives. */
record Assessment(EffectiveSettings settings, Budget budget) {
}

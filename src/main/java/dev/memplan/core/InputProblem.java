package dev.memplan.core;

/** One field of the input that cannot be used, with the text as the user typed it. */
public record InputProblem(String field, String text, String message) {
}

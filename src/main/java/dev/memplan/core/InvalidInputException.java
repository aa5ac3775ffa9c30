package dev.memplan.core;

import java.util.List;

/** The input cannot be planned with; every bad field is listed, not just the first. */
public class InvalidInputException extends RuntimeException {

	private final List<InputProblem> problems;

	public InvalidInputException(List<InputProblem> problems) {
		super(problems.isEmpty() ? "Invalid input" : problems.get(0).message().inEnglish());
		this.problems = List.copyOf(problems);
	}

	public InvalidInputException(InputProblem problem) {
		this(List.of(problem));
	}

	public List<InputProblem> problems() {
		return this.problems;
	}

}

package dev.memplan.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.memplan.app.fleet.InventoryException;

/** A bad inventory ends the start with one line naming the file, the line and the field, not a stack of bean errors. */
public class InventoryFailureAnalyzer extends AbstractFailureAnalyzer<InventoryException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InventoryException cause) {
		return new FailureAnalysis("The fleet inventory cannot be used: " + cause.getMessage(),
				"Fix " + cause.source() + ((cause.line() > 0) ? " at line " + cause.line() : "")
						+ ((cause.field() != null) ? " (" + cause.field() + ")" : "")
						+ ", or unset memplan.fleet.inventory to run without the fleet.",
				cause);
	}

}

package dev.memplan.budget;

import java.util.List;

/**
 * One term of the budget.
 *
 * @param id a stable name for the term ({@code buffer_pool}), for the API and for translations
 * @param term the term for people ({@code InnoDB buffer pool})
 * @param variables the variables the term is made of
 * @param explanation one sentence: why the server allocates this
 * @param estimate true when the bytes are memplan's estimate rather than a variable's value
 */
public record LineItem(String id, String term, Scope scope, long bytes, List<String> variables, String explanation,
		boolean estimate) {
}

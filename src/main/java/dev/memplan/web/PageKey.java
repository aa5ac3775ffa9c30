package dev.memplan.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a cached page is rendered from, besides its language, as the page itself reads it: the page
 * cache keys on this, and the page is rendered from the same canonical parameters, so an address
 * that gives the same page finds its entry and one that gives another page never does.
 */
@FunctionalInterface
public interface PageKey {

	String of(HttpServletRequest request);

}

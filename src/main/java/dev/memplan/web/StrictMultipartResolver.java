package dev.memplan.web;

import java.io.IOException;
import java.util.Collection;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * Tomcat reads a multipart body whose boundary never occurs in it ({@code boundary=Q} over a body
 * delimited by {@code --B}, or plain text) as a form with no parts, and a part without its
 * {@code Content-Disposition} as a part without a name; either way the form's fields are silently
 * gone and the page would plan nothing. Both are refused as the broken bodies they are: 400
 * ({@link SiteErrorHandler#unreadableUpload}), like a missing boundary or a part cut short.
 */
class StrictMultipartResolver extends StandardServletMultipartResolver {

	@Override
	public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) throws MultipartException {
		MultipartHttpServletRequest resolved = super.resolveMultipart(request);
		Collection<Part> parts;
		try {
			parts = request.getParts();
		}
		catch (IOException | ServletException | IllegalStateException ex) {
			throw new MultipartException("Failed to parse multipart servlet request", ex);
		}
		if (parts.isEmpty()) {
			throw new MultipartException("No part of the body is delimited by the boundary its Content-Type names");
		}
		for (Part part : parts) {
			if (part.getName() == null) {
				throw new MultipartException("A part has no Content-Disposition naming its field");
			}
		}
		return resolved;
	}

}

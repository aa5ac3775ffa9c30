package dev.memplan.web;

import java.io.IOException;

import jakarta.servlet.ServletException;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.Adapter;
import org.apache.coyote.ProtocolHandler;
import org.apache.tomcat.util.net.SocketEvent;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Answers Tomcat writes itself, before any filter of the application runs: 400 for a request line
 * or a %-escape it cannot read, 405 for TRACE, the 413 of the body limit, {@code OPTIONS *}. Each
 * carries the same security headers as the application's own answers (an engine valve sets them
 * before anything else runs), an error Tomcat found before the application also {@code no-store};
 * and {@code OPTIONS *}, which Tomcat answers with a fixed list naming PUT and DELETE, is answered as
 * {@code OPTIONS /}: the methods this server serves. TRACE stays refused (the site's error controller
 * gives its 405 the path's real Allow, or 404).
 */
@Component
class TomcatHardening implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addEngineValves(new SecurityHeadersValve());
		factory.addConnectorCustomizers(TomcatHardening::answerOptionsStarAsTheRoot);
	}

	private static void answerOptionsStarAsTheRoot(Connector connector) {
		connector.addLifecycleListener((event) -> {
			if (Lifecycle.AFTER_INIT_EVENT.equals(event.getType())) {
				ProtocolHandler handler = connector.getProtocolHandler();
				if (handler.getAdapter() != null && !(handler.getAdapter() instanceof OptionsStarAdapter)) {
					handler.setAdapter(new OptionsStarAdapter(handler.getAdapter()));
				}
			}
		});
	}

	/** The application's security headers on every answer, set before the rest of the container runs. */
	static final class SecurityHeadersValve extends ValveBase {

		SecurityHeadersValve() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			SecurityHeadersFilter.setHeaders(response);
			if (response.isError()) {
				// a bad URI, TRACE: refused by Tomcat before any page ran
				response.setHeader("Cache-Control", "no-store");
				if ("TRACE".equals(request.getMethod())) {
					// Tomcat's list names every method of the servlet (PUT, DELETE); the error controller writes the path's own
					response.getCoyoteResponse().getMimeHeaders().removeHeader("Allow");
				}
			}
			getNext().invoke(request, response);
		}

	}

	/** {@code OPTIONS *} as {@code OPTIONS /}; everything else untouched. */
	static final class OptionsStarAdapter implements Adapter {

		private final Adapter adapter;

		OptionsStarAdapter(Adapter adapter) {
			this.adapter = adapter;
		}

		@Override
		public void service(org.apache.coyote.Request req, org.apache.coyote.Response res) throws Exception {
			if (req.requestURI().equals("*") && "OPTIONS".equals(req.getMethod())) {
				req.requestURI().setString("/");
				req.decodedURI().setString("/");
			}
			this.adapter.service(req, res);
		}

		@Override
		public boolean prepare(org.apache.coyote.Request req, org.apache.coyote.Response res) throws Exception {
			return this.adapter.prepare(req, res);
		}

		@Override
		public boolean asyncDispatch(org.apache.coyote.Request req, org.apache.coyote.Response res, SocketEvent status)
				throws Exception {
			return this.adapter.asyncDispatch(req, res, status);
		}

		@Override
		public void log(org.apache.coyote.Request req, org.apache.coyote.Response res, long time) {
			this.adapter.log(req, res, time);
		}

		@Override
		public void checkRecycled(org.apache.coyote.Request req, org.apache.coyote.Response res) {
			this.adapter.checkRecycled(req, res);
		}

		@Override
		public String getDomain() {
			return this.adapter.getDomain();
		}

	}

}

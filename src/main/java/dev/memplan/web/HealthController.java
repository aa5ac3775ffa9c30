package dev.memplan.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For the container's HEALTHCHECK: answers once the web server is up. */
@RestController
class HealthController {

	@GetMapping(path = "/healthz", produces = "text/plain")
	String health() {
		return "ok";
	}

}

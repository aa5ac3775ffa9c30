package dev.memplan.api;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.memplan.app.fleet.FleetScanner;
import dev.memplan.app.fleet.TargetStatus;
import dev.memplan.report.FleetResponseMapper;
import dev.memplan.report.LiveResponse;

/**
 * The fleet as JSON: the last scan of every target, one target's full live plan, and a scan on
 * demand. 404 with a problem document while the fleet is off (no memplan.fleet.inventory).
 */
@RestController
@RequestMapping(path = "/api/v1/fleet", produces = MediaType.APPLICATION_JSON_VALUE)
class FleetApiController {

	private final ObjectProvider<FleetScanner> scanner;

	FleetApiController(ObjectProvider<FleetScanner> scanner) {
		this.scanner = scanner;
	}

	@GetMapping
	ResponseEntity<?> fleet() {
		FleetScanner fleet = this.scanner.getIfAvailable();
		if (fleet == null) {
			return off();
		}
		return ResponseEntity.ok(FleetResponseMapper.toResponse(fleet.snapshot()));
	}

	@GetMapping("/{name}")
	ResponseEntity<?> target(@PathVariable String name) {
		FleetScanner fleet = this.scanner.getIfAvailable();
		if (fleet == null) {
			return off();
		}
		TargetStatus status = fleet.snapshot().target(name).orElse(null);
		if (status == null) {
			return problem(HttpStatus.NOT_FOUND, "unknown-target", "Unknown target", "No target is named " + name
					+ " in this memplan's share of the inventory.", Map.of());
		}
		if (status.plan() == null) {
			String detail = status.checked() ? "The target has not answered yet: " + status.error()
					: "The target has not been scanned yet.";
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "no-plan-yet", "No plan yet", detail,
					(status.errorKind() != null) ? Map.of("kind", status.errorKind()) : Map.of());
		}
		return ResponseEntity.ok()
			.header("X-Memplan-Stale", Boolean.toString(status.stale()))
			.header("Last-Modified", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
				.format(status.plan().at().atZone(java.time.ZoneOffset.UTC)))
			.body(LiveResponse.of(status.plan().result(), status.plan().figures()));
	}

	@PostMapping("/scan")
	ResponseEntity<?> scan() {
		FleetScanner fleet = this.scanner.getIfAvailable();
		if (fleet == null) {
			return off();
		}
		if (!fleet.requestScan()) {
			return problem(HttpStatus.CONFLICT, "scan-running", "A scan is running",
					"A scan is running already; its results appear in GET /api/v1/fleet as targets answer.", Map.of());
		}
		return ResponseEntity.accepted().location(URI.create("/api/v1/fleet")).body(Map.of("scanning", true));
	}

	private static ResponseEntity<ProblemDetail> off() {
		return problem(HttpStatus.NOT_FOUND, "fleet-off", "The fleet is off",
				"This memplan watches no fleet: set memplan.fleet.inventory to an inventory file.", Map.of());
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
			Map<String, String> properties) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://memplan.dev/problems/fleet/" + type.toLowerCase(Locale.ROOT)));
		problem.setTitle(title);
		properties.forEach(problem::setProperty);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}

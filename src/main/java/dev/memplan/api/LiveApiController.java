package dev.memplan.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.memplan.app.PlanQuery;
import dev.memplan.live.LiveTarget;
import dev.memplan.live.ProbeFailure;
import dev.memplan.app.LiveOutcome;
import dev.memplan.app.LivePlanService;
import dev.memplan.report.LiveResponse;

@RestController
@RequestMapping("/api/v1")
class LiveApiController {

	private final LivePlanService liveService;

	LiveApiController(LivePlanService liveService) {
		this.liveService = liveService;
	}

	@PostMapping(path = "/live", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> live(@RequestBody LiveRequest request) {
		LiveTarget target;
		try {
			target = LiveTarget.of(request.host(), request.port(), request.user(),
					(request.password() != null) ? request.password().toCharArray() : new char[0], request.tls());
		}
		catch (LiveTarget.InvalidTargetException ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The connection cannot be used.");
			problem.setType(ApiProblemHandler.INVALID_INPUT);
			problem.setTitle("Invalid input");
			problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
			return ResponseEntity.badRequest().body(problem);
		}
		PlanQuery host = new PlanQuery(null, request.hostRam(), request.hostCpus(), request.expectedConnections(),
				request.mysqlShare(), request.reservedForOtherProcesses(), request.variables(), request.assumptions());
		LiveOutcome outcome = this.liveService.probeAndPlan(target, host);
		if (outcome instanceof LiveOutcome.Failed failed) {
			return failure(failed.failure());
		}
		LiveOutcome.Planned planned = (LiveOutcome.Planned) outcome;
		return ResponseEntity.ok(LiveResponse.of(planned.result(), planned.figures()));
	}

	static ResponseEntity<ProblemDetail> failure(ProbeFailure failure) {
		HttpStatus status = switch (failure.kind()) {
			case DISABLED, HOST_NOT_ALLOWED -> HttpStatus.FORBIDDEN;
			case TIMED_OUT -> HttpStatus.GATEWAY_TIMEOUT;
			case BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
			case UNKNOWN_HOST, REFUSED, ACCESS_DENIED, TLS_UNAVAILABLE, CONNECTION_LOST, TOO_LARGE, FAILED -> HttpStatus.BAD_GATEWAY;
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, failure.message());
		String kind = failure.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
		problem.setType(URI.create("https://memplan.dev/problems/live/" + kind));
		problem.setTitle("Live probe failed: " + kind);
		problem.setProperty("kind", failure.kind().name());
		failure.deniedAccount().ifPresent((denied) -> {
			// the account as the server saw it, and memplan's least-privileged account, for a script to show as they are
			problem.setProperty("account", denied.account());
			problem.setProperty("passwordSent", denied.passwordSent());
			problem.setProperty("createAccount", denied.leastPrivilegeStatements());
		});
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
		if (failure.kind() == ProbeFailure.Kind.BUSY) {
			answer.header("Retry-After", "5");
		}
		return answer.body(problem);
	}

}

package dev.memplan.api;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.memplan.budget.Plan;
import dev.memplan.budget.PlanQuery;
import dev.memplan.web.Permalinks;
import dev.memplan.web.PlanService;

@RestController
@RequestMapping("/api/v1")
class PlanApiController {

	private final PlanService planService;

	PlanApiController(PlanService planService) {
		this.planService = planService;
	}

	@PostMapping(path = "/plan", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	PlanResponse plan(@RequestBody PlanRequest request) {
		PlanQuery query = new PlanQuery(request.server(), request.hostRam(), request.hostCpus(), request.expectedConnections(),
				request.mysqlShare(), request.reservedForOtherProcesses(), request.variables());
		Plan plan = this.planService.plan(query);
		return PlanResponseMapper.toResponse(plan, Permalinks.of(query));
	}

}

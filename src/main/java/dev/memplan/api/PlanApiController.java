package dev.memplan.api;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.memplan.app.PlanQuery;
import dev.memplan.app.ImportRequest;
import dev.memplan.app.PlanService;
import dev.memplan.report.PlanResponse;
import dev.memplan.report.PlanResponseMapper;

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
				request.mysqlShare(), request.reservedForOtherProcesses(), request.variables(), request.assumptions(),
				request.allowFewerConnections());
		ImportRequest input = new ImportRequest(request.mycnf(), request.files(), request.showVariables(), request.instance());
		return PlanResponseMapper.toResponse(this.planService.plan(query, input));
	}

	/** {@code curl --data-binary @my.cnf -H 'Content-Type: text/plain' '…/api/v1/plan?server=mariadb-10.11&hostRam=16G'} */
	@PostMapping(path = "/plan", consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	PlanResponse planText(@RequestBody String text, @RequestParam Map<String, String> params) {
		PlanQuery query = new PlanQuery(params.get("server"), params.get("hostRam"), params.get("hostCpus"),
				params.get("expectedConnections"), params.get("mysqlShare"), params.get("reservedForOtherProcesses"), Map.of(),
				new PlanQuery.Assumptions(params.get("tempTablesPerStatement"), params.get("largestPacket"), params.get("allocator")),
				params.get("allowFewerConnections"));
		return PlanResponseMapper.toResponse(this.planService.plan(query, new ImportRequest(text, Map.of(), null, params.get("instance"))));
	}

}

package dev.memplan.api;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.memplan.report.HostCheckResponse;
import dev.memplan.report.OomLogResponse;
import dev.memplan.app.HostCheckService;

/** {@code POST /api/v1/oom-log} (a kernel log and the server's log in, events and the incident's timeline out) and {@code POST /api/v1/host} (a snapshot in, risks out). */
@RestController
@RequestMapping("/api/v1")
class HostApiController {

	private final HostCheckService hostService;

	HostApiController(HostCheckService hostService) {
		this.hostService = hostService;
	}

	/** The kernel log and the server's log in one text: each line is recognised by its format. */
	@PostMapping(path = "/oom-log", consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	OomLogResponse oomLog(@RequestBody String log) {
		return OomLogResponse.of(this.hostService.analyzeLog(log));
	}

	/** {@code {"kernelLog": "...", "serverLog": "..."}}: the two logs apart (either may hold a mix). */
	@PostMapping(path = "/oom-log", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	OomLogResponse oomLogJson(@RequestBody OomLogRequest request) {
		return OomLogResponse.of(this.hostService.analyzeLogs(request.kernelLog(), request.serverLog()));
	}

	record OomLogRequest(String kernelLog, String serverLog) {
	}

	@PostMapping(path = "/host", consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	HostCheckResponse host(@RequestBody String snapshot, @RequestParam Map<String, String> params) {
		return HostCheckResponse.of(this.hostService.analyzeHost(snapshot, params.get("worstCase"), params.get("proposedOomScoreAdj")));
	}

	/** {@code {"snapshot": "...", "worstCase": "3.2G", "proposedOomScoreAdj": -600}} */
	@PostMapping(path = "/host", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	HostCheckResponse hostJson(@RequestBody HostRequest request) {
		return HostCheckResponse.of(this.hostService.analyzeHost(request.snapshot(), request.worstCase(), request.proposedOomScoreAdj()));
	}

	record HostRequest(String snapshot, String worstCase, String proposedOomScoreAdj) {
	}

}

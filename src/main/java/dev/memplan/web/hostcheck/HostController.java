package dev.memplan.web.hostcheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.memplan.core.InputProblem;
import dev.memplan.core.Message;
import dev.memplan.core.InvalidInputException;
import dev.memplan.web.ProblemText;
import dev.memplan.web.ResultCache;
import dev.memplan.app.HostCheckService;

/** The "Host & OOM" page: paste a kernel log (and the server's own log, mixed in or apart) and/or a host snapshot. */
@Controller
class HostController {

	private final HostCheckService hostService;

	private final ProblemText problemText;

	private final ResultCache results;

	HostController(HostCheckService hostService, ProblemText problemText, ResultCache results) {
		this.hostService = hostService;
		this.problemText = problemText;
		this.results = results;
	}

	@GetMapping("/host")
	String form(@RequestParam(name = "worstCase", required = false) String worstCase,
			@RequestParam(name = "result", required = false) String resultId, Model model, Locale locale) {
		Optional<KeptCheck> kept = this.results.find(resultId, KeptCheck.class);
		if (kept.isPresent()) {
			model.addAttribute("resultId", resultId);
			return analyze(new LinkedHashMap<>(kept.get().params()), model, locale);
		}
		model.addAttribute("resultExpired", (resultId != null) ? Boolean.TRUE : null);
		model.addAttribute("worstCase", worstCase);
		model.addAttribute("errors", Map.of());
		return "host";
	}

	/** What was pasted (kernel log, server log, snapshot and the two fields): analysed again in another language, nothing pasted again. */
	record KeptCheck(Map<String, String> params) {

		long characters() {
			return this.params.values().stream().mapToLong((value) -> (value != null) ? value.length() : 0).sum();
		}

	}

	/** The snapshot script, to download and run on the database host. */
	@GetMapping(path = "/host/memplan-host-snapshot.sh", produces = "text/x-shellscript")
	ResponseEntity<String> script() {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"memplan-host-snapshot.sh\"")
			.contentType(MediaType.parseMediaType("text/x-shellscript;charset=UTF-8"))
			.body(this.hostService.script());
	}

	@PostMapping(path = "/host", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	String analyze(@RequestParam Map<String, String> params, Model model, Locale locale) {
		if (!model.containsAttribute("resultId")) {
			Map<String, String> pasted = new LinkedHashMap<>();
			for (String field : List.of("kernelLog", "serverLog", "snapshot", "worstCase", "proposedOomScoreAdj")) {
				if (params.get(field) != null) {
					pasted.put(field, params.get(field));
				}
			}
			KeptCheck kept = new KeptCheck(Map.copyOf(pasted));
			model.addAttribute("resultId", this.results.keep(kept, kept.characters()));
		}
		String log = params.get("kernelLog");
		String serverLog = params.get("serverLog");
		String snapshot = params.get("snapshot");
		Map<String, String> errors = new LinkedHashMap<>();
		model.addAttribute("kernelLog", log);
		model.addAttribute("serverLog", serverLog);
		model.addAttribute("snapshot", snapshot);
		model.addAttribute("worstCase", params.get("worstCase"));
		model.addAttribute("proposedOomScoreAdj", params.get("proposedOomScoreAdj"));
		model.addAttribute("errors", errors);
		boolean logs = (log != null && !log.isBlank()) || (serverLog != null && !serverLog.isBlank());
		if (!logs && (snapshot == null || snapshot.isBlank())) {
			errors.put("kernelLog", this.problemText.text(Message.of("error.hostNothing"), locale));
			return "host";
		}
		if (logs) {
			model.addAttribute("analysis", this.hostService.analyzeLogs(log, serverLog));
		}
		if (snapshot != null && !snapshot.isBlank()) {
			try {
				model.addAttribute("risk", this.hostService.analyzeHost(snapshot, params.get("worstCase"), params.get("proposedOomScoreAdj")));
			}
			catch (InvalidInputException ex) {
				for (InputProblem problem : ex.problems()) {
					errors.put(problem.field(), this.problemText.text(problem, locale));
				}
			}
		}
		return "host";
	}

}

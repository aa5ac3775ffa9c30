package dev.memplan.web.planner;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import tools.jackson.databind.json.JsonMapper;

import dev.memplan.report.PlanResponseMapper;
import dev.memplan.budget.Plan;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.report.PersistStatements;
import dev.memplan.report.TextReport;
import dev.memplan.web.LanguageResolver;
import dev.memplan.app.ImportRequest;
import dev.memplan.app.PlanResult;
import dev.memplan.app.PlanService;
import dev.memplan.report.SnippetWriter;

/** Downloads of a report, planned from the same query parameters as its permalink. */
@RestController
class ExportController {

	private final PlanService planService;

	ExportController(PlanService planService) {
		this.planService = planService;
	}

	@GetMapping("/export/report.md")
	ResponseEntity<byte[]> markdown(@RequestParam MultiValueMap<String, String> params, Locale locale) {
		PlanResult result = plan(params);
		String permalink = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
				+ result.permalink(LanguageResolver.tag(locale));
		return download("memplan-report.md", "text/markdown", TextReport.markdown(result.plan(), result.query(), permalink));
	}

	@GetMapping("/export/report.json")
	ResponseEntity<byte[]> json(@RequestParam MultiValueMap<String, String> params) {
		String json = JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
			.writeValueAsString(PlanResponseMapper.toResponse(plan(params)));
		return download("memplan-report.json", "application/json", json);
	}

	@GetMapping("/export/my.cnf")
	ResponseEntity<byte[]> mycnf(@RequestParam MultiValueMap<String, String> params) {
		return download("memplan.cnf", "text/plain", SnippetWriter.write(plan(params).plan()));
	}

	/** MySQL 8.0+: the snippet as SET PERSIST statements (they survive a restart, in mysqld-auto.cnf). */
	@GetMapping("/export/persist.sql")
	ResponseEntity<byte[]> persist(@RequestParam MultiValueMap<String, String> params) {
		Plan plan = plan(params).plan();
		return download("memplan-persist.sql", "application/sql", PersistStatements.of(plan));
	}

	private PlanResult plan(MultiValueMap<String, String> params) {
		return this.planService.plan(PlanForm.from(params, ServerCatalog.standard()).query(), ImportRequest.NONE);
	}

	private static ResponseEntity<byte[]> download(String name, String type, String body) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.contentType(MediaType.parseMediaType(type + ";charset=UTF-8"))
			.body(body.getBytes(StandardCharsets.UTF_8));
	}

}

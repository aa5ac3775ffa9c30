package dev.memplan.web.planner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.memplan.app.PlanQuery;
import dev.memplan.budget.TierTable;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.catalog.ServerProfile;
import dev.memplan.catalog.VariableSpec;
import dev.memplan.core.InputProblem;
import dev.memplan.core.InvalidInputException;
import dev.memplan.web.ChartView;
import dev.memplan.app.ImportRequest;
import dev.memplan.web.LanguageLinks;
import dev.memplan.web.LanguageResolver;
import dev.memplan.app.Permalinks;
import dev.memplan.app.PlanResult;
import dev.memplan.app.PlanService;
import dev.memplan.web.ProblemText;
import dev.memplan.web.ResultCache;
import dev.memplan.report.SnippetWriter;

/** The planner page: the form, and the report below it once the form carries a host's RAM. */
@Controller
class PlannerController {

	private static final List<String> GLOBAL = List.of("innodb_buffer_pool_size", "innodb_buffer_pool_chunk_size",
			"innodb_buffer_pool_instances", "innodb_dedicated_server", "innodb_log_buffer_size",
			"innodb_additional_mem_pool_size", "innodb_use_sys_malloc", "key_buffer_size", "query_cache_size",
			"query_cache_type", "aria_pagecache_buffer_size", "performance_schema", "internal_tmp_mem_storage_engine",
			"temptable_max_ram", "temptable_use_mmap", "temptable_max_mmap");

	/**
	 * The variables a DBA changes first, shown beside Host RAM outside every folded section (in
	 * this order): the connection count and the per-connection buffers it multiplies.
	 */
	static final List<String> FIRST = List.of("max_connections", "sort_buffer_size", "join_buffer_size", "read_buffer_size",
			"read_rnd_buffer_size", "tmp_table_size", "max_heap_table_size");

	private final ServerCatalog catalog = ServerCatalog.standard();

	private final PlanService planService;

	private final ProblemText problemText;

	private final ResultCache results;

	PlannerController(PlanService planService, ProblemText problemText, ResultCache results) {
		this.planService = planService;
		this.problemText = problemText;
		this.results = results;
	}

	/** An import as it was submitted: planned again from it in another language, without the upload. */
	record KeptImport(PlanQuery query, ImportRequest input) {

		long characters() {
			long characters = (this.input.mycnf() != null) ? this.input.mycnf().length() : 0;
			for (Map.Entry<String, String> file : this.input.files().entrySet()) {
				characters += file.getKey().length() + file.getValue().length();
			}
			return characters;
		}

	}

	@GetMapping("/")
	String planner(@RequestParam MultiValueMap<String, String> params, Model model, Locale locale) {
		String resultId = params.getFirst("result");
		if (resultId != null) {
			Optional<KeptImport> kept = this.results.find(resultId, KeptImport.class);
			if (kept.isPresent()) {
				model.addAttribute("imported", true);
				model.addAttribute("resultId", resultId);
				return render(kept.get().query(), kept.get().input(), true, model, locale);
			}
			model.addAttribute("resultExpired", true);
			return render(PlanQuery.EMPTY, ImportRequest.NONE, false, model, locale);
		}
		PlanForm form = PlanForm.from(params, this.catalog);
		// the page cache keys on the canonical query (PlannerPageKey): the links must not echo the address as typed
		model.addAttribute("languages", LanguageLinks.links("/", form.canonicalQuery(), locale));
		return render(form.query(), ImportRequest.NONE, form.isSubmitted(), model, locale);
	}

	/** The paste box and the upload: read the configuration, then show the same page with its plan. */
	@PostMapping(path = "/", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String importAndPlan(@RequestParam MultiValueMap<String, String> params,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, Locale locale)
			throws IOException {
		Map<String, String> texts = new LinkedHashMap<>();
		if (files != null) {
			for (MultipartFile file : files) {
				if (!file.isEmpty()) {
					String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "upload.cnf";
					texts.put(name, new String(file.getBytes(), StandardCharsets.UTF_8));
				}
			}
		}
		PlanQuery query = PlanForm.from(params, this.catalog).query();
		if ("detect".equals(query.server())) {
			query = query.withServer(null);
		}
		ImportRequest input = new ImportRequest(params.getFirst("config"), texts, null, params.getFirst("instance"));
		model.addAttribute("imported", !input.isEmpty());
		if (!input.isEmpty()) {
			KeptImport kept = new KeptImport(query, input);
			model.addAttribute("resultId", this.results.keep(kept, kept.characters()));
		}
		return render(query, input, true, model, locale);
	}

	private String render(PlanQuery query, ImportRequest input, boolean submitted, Model model, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<String> otherErrors = new ArrayList<>();
		PlanQuery shown = query;
		if (submitted) {
			try {
				PlanResult result = this.planService.plan(query, input);
				shown = result.query();
				model.addAttribute("plan", result.plan());
				model.addAttribute("instances", result.instances());
				model.addAttribute("instanceShown", result.instance());
				model.addAttribute("filesRead", result.filesRead());
				model.addAttribute("instancePlans", result.instancePlans());
				model.addAttribute("instancesTogether", result.instancesTogetherBytes());
				model.addAttribute("chart", ChartView.of(result.plan().budget()));
				model.addAttribute("snippet", SnippetWriter.write(result.plan()));
				String permalink = result.permalink(LanguageResolver.tag(locale));
				model.addAttribute("permalink", permalink);
				model.addAttribute("permalinkQuery", Permalinks.queryOf(permalink));
			}
			catch (InvalidInputException ex) {
				ServerProfile profile = this.catalog.profile(query.server()).orElse(this.catalog.require(PlanQuery.DEFAULT_SERVER));
				for (InputProblem problem : ex.problems()) {
					String text = this.problemText.text(problem, locale);
					if (isFormField(problem.field(), profile)) {
						errors.merge(problem.field(), text, (a, b) -> a + " " + b);
					}
					else {
						otherErrors.add(text);
					}
				}
			}
		}
		ServerProfile profile = this.catalog.profile(shown.server()).orElse(this.catalog.require(PlanQuery.DEFAULT_SERVER));
		model.addAttribute("query", shown);
		model.addAttribute("server", profile.id());
		model.addAttribute("servers", this.catalog.profiles());
		List<VariableField> fields = fields(profile, shown, errors);
		model.addAttribute("firstFields", FIRST.stream()
			.flatMap((name) -> fields.stream().filter((f) -> f.name().equals(name)))
			.toList());
		model.addAttribute("fieldGroups", List.of(
				new VariableField.Group("variables.global", fields.stream().filter((f) -> f.group().equals("global")).toList()),
				new VariableField.Group("variables.connection",
						fields.stream().filter((f) -> f.group().equals("connection")).toList())));
		model.addAttribute("errors", errors);
		model.addAttribute("otherErrors", otherErrors);
		model.addAttribute("tiers", TierTable.standard().tiers());
		model.addAttribute("config", input.mycnf());
		model.addAttribute("instance", input.instance());
		return "planner";
	}

	private boolean isFormField(String field, ServerProfile profile) {
		return List.of("server", "hostRam", "hostCpus", "expectedConnections", "mysqlShare", "reservedForOtherProcesses")
			.contains(field) || this.catalog.variable(profile, field).isPresent();
	}

	private List<VariableField> fields(ServerProfile profile, PlanQuery query, Map<String, String> errors) {
		List<VariableField> fields = new ArrayList<>();
		for (VariableSpec spec : this.catalog.variables(profile).values()) {
			String given = query.variables().get(spec.name());
			String defaultText = spec.hasComputedDefault() ? "" : spec.defaultValue();
			String kind = switch (spec.type()) {
				case BOOLEAN -> "bool";
				case ENUM -> "enum";
				case SIZE, COUNT -> "number";
			};
			List<String> options = switch (spec.type()) {
				case BOOLEAN -> List.of("ON", "OFF");
				case ENUM -> spec.allowedValues();
				case SIZE, COUNT -> List.of();
			};
			String group = FIRST.contains(spec.name()) ? "first" : GLOBAL.contains(spec.name()) ? "global" : "connection";
			fields.add(new VariableField(spec.name(), (given != null) ? given : defaultText, spec.defaultValue(), kind, options,
					errors.get(spec.name()), group, VariableDocs.url(profile, spec.name())));
		}
		return fields;
	}

}

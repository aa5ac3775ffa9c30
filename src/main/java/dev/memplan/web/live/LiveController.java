package dev.memplan.web.live;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.memplan.budget.TierTable;
import dev.memplan.core.InputProblem;
import dev.memplan.core.InvalidInputException;
import dev.memplan.live.LiveTarget;
import dev.memplan.live.ProbeFailure;
import dev.memplan.web.LanguageResolver;
import dev.memplan.app.LiveFigures;
import dev.memplan.app.Permalinks;
import dev.memplan.web.ProblemText;
import dev.memplan.app.LiveOutcome;
import dev.memplan.app.LivePlanService;
import dev.memplan.web.ChartView;
import dev.memplan.report.SnippetWriter;

/** The live page: connect, then the plan beside what the server says about itself. POST only for the probe. */
@Controller
class LiveController {

	private final LivePlanService liveService;

	private final ProblemText problemText;

	LiveController(LivePlanService liveService, ProblemText problemText) {
		this.liveService = liveService;
		this.problemText = problemText;
	}

	@GetMapping("/live")
	String form(Model model) {
		model.addAttribute("form", LiveForm.from(Map.of()));
		model.addAttribute("errors", Map.of());
		model.addAttribute("enabled", this.liveService.isEnabled());
		model.addAttribute("disabledReason", this.liveService.disabledReason());
		return "live";
	}

	@PostMapping(path = "/live", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	String probe(@RequestParam Map<String, String> params, Model model, Locale locale, HttpServletResponse response) {
		LiveForm form = LiveForm.from(params);
		String password = params.remove("password");
		Map<String, String> errors = new LinkedHashMap<>();
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("enabled", this.liveService.isEnabled());
		model.addAttribute("disabledReason", this.liveService.disabledReason());
		try {
			LiveTarget target = form.target(password);
			LiveOutcome outcome = this.liveService.probeAndPlan(target, form.hostQuery());
			if (outcome instanceof LiveOutcome.Failed failed) {
				if (failed.failure().kind() == ProbeFailure.Kind.BUSY) {
					response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
					response.setHeader("Retry-After", "5");
				}
				model.addAttribute("failure", this.problemText.of("probe." + failed.failure().kind(), failed.failure().args().toArray(),
						failed.failure().message(), locale));
				return "live";
			}
			LiveOutcome.Planned planned = (LiveOutcome.Planned) outcome;
			LiveFigures view = planned.figures();
			String permalink = planned.result().permalink(LanguageResolver.tag(locale));
			model.addAttribute("live", view);
			model.addAttribute("plan", planned.result().plan());
			model.addAttribute("chart", ChartView.of(planned.result().plan().budget(), view.measuredBytes()));
			model.addAttribute("snippet", SnippetWriter.write(planned.result().plan()));
			model.addAttribute("permalink", permalink);
			model.addAttribute("permalinkQuery", Permalinks.queryOf(permalink));
			model.addAttribute("tiers", TierTable.standard().tiers());
		}
		catch (LiveTarget.InvalidTargetException ex) {
			errors.put(ex.field(), this.problemText.of("error." + ex.field(), new Object[0], ex.getMessage(), locale));
		}
		catch (InvalidInputException ex) {
			for (InputProblem problem : ex.problems()) {
				errors.merge(problem.field(), this.problemText.text(problem, locale), (a, b) -> a + " " + b);
			}
		}
		return "live";
	}

}

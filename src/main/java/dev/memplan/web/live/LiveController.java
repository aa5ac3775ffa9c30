package dev.memplan.web.live;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
import dev.memplan.live.DeniedAccount;
import dev.memplan.live.LiveTarget;
import dev.memplan.live.ProbeFailure;
import dev.memplan.web.LanguageResolver;
import dev.memplan.web.LiveOff;
import dev.memplan.app.LiveFigures;
import dev.memplan.app.Permalinks;
import dev.memplan.web.ProblemText;
import dev.memplan.web.ResultCache;
import dev.memplan.app.LiveOutcome;
import dev.memplan.app.LivePlanService;
import dev.memplan.web.ChartView;
import dev.memplan.report.SnippetWriter;

/** The live page: connect, then the plan beside what the server says about itself. POST only for the probe. */
@Controller
class LiveController {

	private final LivePlanService liveService;

	private final ProblemText problemText;

	private final ResultCache results;

	private final LiveOff off;

	LiveController(LivePlanService liveService, ProblemText problemText, ResultCache results, LiveOff off) {
		this.liveService = liveService;
		this.problemText = problemText;
		this.results = results;
		this.off = off;
	}

	/** Why the probe is off, in the page's language (English keeps the service's own sentence); null when on. */
	private String disabledReason(Locale locale) {
		String english = this.liveService.disabledReason();
		if (english == null || this.off.key() == null) {
			return english;
		}
		return this.problemText.of(this.off.key(), this.off.args().toArray(), english, locale);
	}

	@GetMapping("/live")
	String form(@RequestParam(name = "result", required = false) String resultId, Model model, Locale locale) {
		model.addAttribute("errors", Map.of());
		model.addAttribute("enabled", this.liveService.isEnabled());
		model.addAttribute("disabledReason", disabledReason(locale));
		Optional<KeptProbe> kept = this.results.find(resultId, KeptProbe.class);
		if (kept.isPresent()) {
			model.addAttribute("form", kept.get().form());
			model.addAttribute("resultId", resultId);
			show(kept.get().planned(), model, locale);
			return "live";
		}
		model.addAttribute("resultExpired", (resultId != null) ? Boolean.TRUE : null);
		model.addAttribute("form", LiveForm.from(Map.of()));
		return "live";
	}

	/**
	 * A probe's answer, kept so that another language shows it again without connecting again: the
	 * form without its password, and what the server said.
	 */
	record KeptProbe(LiveForm form, LiveOutcome.Planned planned) {
	}

	private void show(LiveOutcome.Planned planned, Model model, Locale locale) {
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

	/**
	 * A refused login: the account as the server saw it, in the page's language, and the statements
	 * that create memplan's least-privileged account (SQL, the same in every language).
	 */
	private void showDenied(ProbeFailure failure, DeniedAccount denied, Model model, Locale locale) {
		String address = failure.args().isEmpty() ? "" : failure.args().get(0);
		String sentence = this.problemText.of("probe.ACCESS_DENIED.account",
				new Object[] { address, denied.account(), denied.userLiteral(), denied.hostLiteral() }, denied.englishSentence(address),
				locale);
		if (!denied.passwordSent() && !"en".equals(locale.getLanguage())) {
			// the English sentence says it already
			sentence = sentence + " " + this.problemText.of("probe.ACCESS_DENIED.noPassword", new Object[] { address }, null, locale);
		}
		model.addAttribute("failure", sentence);
		model.addAttribute("deniedHowTo", this.problemText.of("probe.ACCESS_DENIED.howTo", new Object[] { address },
				DeniedAccount.englishHowTo(), locale));
		model.addAttribute("deniedStatements", String.join("\n", denied.leastPrivilegeStatements()));
	}

	@PostMapping(path = "/live", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	String probe(@RequestParam Map<String, String> params, Model model, Locale locale, HttpServletResponse response) {
		LiveForm form = LiveForm.from(params);
		String password = params.remove("password");
		Map<String, String> errors = new LinkedHashMap<>();
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("enabled", this.liveService.isEnabled());
		model.addAttribute("disabledReason", disabledReason(locale));
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
				failed.failure().deniedAccount().ifPresent((denied) -> showDenied(failed.failure(), denied, model, locale));
				return "live";
			}
			LiveOutcome.Planned planned = (LiveOutcome.Planned) outcome;
			model.addAttribute("resultId", this.results.keep(new KeptProbe(form, planned), 64 * 1024));
			show(planned, model, locale);
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

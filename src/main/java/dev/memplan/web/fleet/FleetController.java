package dev.memplan.web.fleet;

import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import dev.memplan.app.Permalinks;
import dev.memplan.app.fleet.FleetScanner;
import dev.memplan.app.fleet.FleetSnapshot;
import dev.memplan.app.fleet.TargetStatus;
import dev.memplan.budget.TierTable;
import dev.memplan.report.SnippetWriter;
import dev.memplan.web.ChartView;
import dev.memplan.web.LanguageResolver;
import dev.memplan.web.ProblemText;

/**
 * The fleet page: every target of the last scan, worst first, filterable by label; and one
 * target's full live report from that scan. A scan in progress shows how far it got.
 */
@Controller
class FleetController {

	private final ObjectProvider<FleetScanner> scanner;

	private final ProblemText problemText;

	FleetController(ObjectProvider<FleetScanner> scanner, ProblemText problemText) {
		this.scanner = scanner;
		this.problemText = problemText;
	}

	/**
	 * Why a target is down, in the page's language: the live probe's own sentence ({@code probe.<KIND>})
	 * with the failure's address and timeout. English keeps the scanner's sentence, which may say more
	 * (an exception's message); so does a failure without its arguments, rather than show {0}.
	 */
	private String error(TargetStatus status, Locale locale) {
		if (status.error() == null || status.errorArgs().isEmpty()) {
			return status.error();
		}
		return this.problemText.of("probe." + status.errorKind(), status.errorArgs().toArray(), status.error(), locale);
	}

	@GetMapping("/fleet")
	String fleet(@RequestParam(required = false) String sort, @RequestParam(required = false) String label, Model model,
			Locale locale) {
		FleetScanner fleet = this.scanner.getIfAvailable();
		model.addAttribute("enabled", fleet != null);
		if (fleet != null) {
			FleetSnapshot snapshot = fleet.snapshot();
			model.addAttribute("snapshot", snapshot);
			model.addAttribute("scannedAt", FleetRow.time(snapshot.scannedAt()));
			model.addAttribute("table", FleetTable.of(snapshot, sort, label, (status) -> error(status, locale)));
		}
		return "fleet";
	}

	@PostMapping("/fleet/scan")
	String scan(Locale locale) {
		FleetScanner fleet = this.scanner.getIfAvailable();
		if (fleet != null) {
			fleet.requestScan(); // already running: the page shows that scan's progress
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/fleet").queryParam("lang", LanguageResolver.tag(locale)).build().toUriString();
	}

	@GetMapping("/fleet/{name}")
	String target(@PathVariable String name, Model model, Locale locale) {
		FleetScanner fleet = this.scanner.getIfAvailable();
		TargetStatus status = (fleet != null) ? fleet.snapshot().target(name).orElse(null) : null;
		if (status == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("row", FleetRow.of(status, error(status, locale)));
		if (status.plan() != null) {
			var plan = status.plan();
			String permalink = plan.result().permalink(LanguageResolver.tag(locale));
			model.addAttribute("live", plan.figures());
			model.addAttribute("plan", plan.result().plan());
			model.addAttribute("plannedAt", FleetRow.time(plan.at()));
			model.addAttribute("chart", ChartView.of(plan.budget(), plan.figures().measuredBytes()));
			model.addAttribute("snippet", SnippetWriter.write(plan.result().plan()));
			model.addAttribute("permalink", permalink);
			model.addAttribute("permalinkQuery", Permalinks.queryOf(permalink));
			model.addAttribute("tiers", TierTable.standard().tiers());
		}
		return "fleet-target";
	}

}

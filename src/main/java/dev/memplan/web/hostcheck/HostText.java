package dev.memplan.web.hostcheck;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import dev.memplan.oom.HostRiskReport;
import dev.memplan.web.ProblemText;
import dev.memplan.budget.Recommendation;

/** Host findings and recommendations in the page's language ({@code ${@hostText.finding(f)}}). */
@Component("hostText")
public class HostText {

	private final ProblemText text;

	HostText(ProblemText text) {
		this.text = text;
	}

	public String finding(HostRiskReport.Finding finding) {
		return this.text.of("finding." + finding.code(), finding.args().toArray(), finding.message(), locale());
	}

	public String title(HostRiskReport.Recommendation rec) {
		return this.text.of("rec." + rec.id() + ".title", rec.args().toArray(), rec.title(), locale());
	}

	public String reason(HostRiskReport.Recommendation rec) {
		return this.text.of("rec." + rec.id() + ".why", rec.args().toArray(), rec.reason(), locale());
	}

	public String tradeOff(HostRiskReport.Recommendation rec) {
		return this.text.of("rec." + rec.id() + ".tradeOff", rec.args().toArray(), rec.tradeOff(), locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}

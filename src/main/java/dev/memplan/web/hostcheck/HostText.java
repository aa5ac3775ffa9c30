package dev.memplan.web.hostcheck;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import dev.memplan.oom.HostRiskReport;
import dev.memplan.oom.Incident;
import dev.memplan.oom.OomDiagnosis;
import dev.memplan.core.Message;
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

	/** An event's one-line diagnosis in the page's language; what the log did not say reads "— (not logged)". */
	public String diagnosis(OomDiagnosis diagnosis) {
		String notLogged = this.text.text(Message.of("host.notLogged"), locale());
		Object[] args = diagnosis.args().stream().map((a) -> (a != null) ? a : notLogged).toArray();
		return this.text.of("host.diagnosis." + diagnosis.code(), args, diagnosis.message(), locale());
	}

	/** The incident's sentence in the page's language (docs/oom.md#timeline). */
	public String story(Incident.Story story) {
		Object[] args = { story.program(), story.kills(), story.first(), (story.spanSeconds() != null) ? duration(story.spanSeconds()) : "—",
				story.restarts(), story.recoveries(), story.last() };
		return this.text.of("host.story." + story.code(), args, story.message(), locale());
	}

	/** 95 s, 5 min 33 s, 2 h 14 min, 3 d 4 h in the page's language. */
	public String duration(double seconds) {
		long s = Math.round(seconds);
		String key;
		Object[] args;
		if (s < 120) {
			key = "host.duration.s";
			args = new Object[] { s };
		}
		else if (s < 3600) {
			key = "host.duration.min";
			args = new Object[] { s / 60, s % 60 };
		}
		else if (s < 86400) {
			key = "host.duration.h";
			args = new Object[] { s / 3600, (s % 3600) / 60 };
		}
		else {
			key = "host.duration.d";
			args = new Object[] { s / 86400, (s % 86400) / 3600 };
		}
		return this.text.of(key, args, s + " s", locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}

package dev.memplan.web;

import java.util.List;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

import dev.memplan.app.HostCheckService;
import dev.memplan.app.LivePlanService;
import dev.memplan.app.LiveProbeSettings;
import dev.memplan.app.PlanService;

/**
 * The one place Spring meets the application layer: the use cases of {@code app} as beans, shared
 * by the planner, live and host pages and by the JSON API, with {@code memplan.live.*} turned into
 * the probe's settings.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	LocaleResolver localeResolver() {
		return new LanguageResolver();
	}

	/** Spring's resolver, but a body with no part or a part with no name is refused (400) instead of read as an empty form. */
	@Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
	MultipartResolver multipartResolver() {
		return new StrictMultipartResolver();
	}

	@Bean
	PlanService planService() {
		return new PlanService();
	}

	/**
	 * Listening beyond loopback (the Docker image) with no allow-list would make memplan a way into
	 * every host its network reaches: the probe is then off, said at start and on the page.
	 */
	@Bean
	LivePlanService livePlanService(LiveProperties properties, PlanService planService, @Value("${server.address:}") String address) {
		boolean exposedWithoutList = exposedWithoutList(properties, address);
		String reason = null;
		if (exposedWithoutList && properties.enabled()) {
			reason = "Connecting to live servers is off: memplan listens on " + (address.isBlank() ? "every interface" : address)
					+ " and memplan.live.allowed-hosts is empty. Set it to the database hosts memplan may reach.";
			LoggerFactory.getLogger(WebConfiguration.class).warn(reason);
		}
		return new LivePlanService(new LiveProbeSettings(properties.enabled() && !exposedWithoutList, reason, properties.allowedHosts(),
				properties.connectTimeout(), properties.socketTimeout(), properties.deadline(), properties.maxConcurrent()),
				planService);
	}

	/** The same decision as {@link #livePlanService}'s, as a message key for the page. */
	@Bean
	LiveOff liveOff(LiveProperties properties, @Value("${server.address:}") String address) {
		if (!properties.enabled()) {
			return new LiveOff("probe.DISABLED", List.of());
		}
		if (exposedWithoutList(properties, address)) {
			return address.isBlank() ? new LiveOff("live.off.exposedEverywhere", List.of()) : new LiveOff("live.off.exposed", List.of(address));
		}
		return LiveOff.ON;
	}

	private static boolean exposedWithoutList(LiveProperties properties, String address) {
		return !LocalOriginFilter.isLoopback(address) && properties.allowedHosts().stream().allMatch(String::isBlank);
	}

	@Bean
	HostCheckService hostCheckService() {
		return new HostCheckService();
	}

}

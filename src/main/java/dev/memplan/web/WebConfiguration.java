package dev.memplan.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

	@Bean
	PlanService planService() {
		return new PlanService();
	}

	@Bean
	LivePlanService livePlanService(LiveProperties properties, PlanService planService) {
		return new LivePlanService(new LiveProbeSettings(properties.enabled(), null, properties.allowedHosts(),
				properties.connectTimeout(), properties.socketTimeout(), properties.deadline(), properties.maxConcurrent()),
				planService);
	}

	@Bean
	HostCheckService hostCheckService() {
		return new HostCheckService();
	}

}

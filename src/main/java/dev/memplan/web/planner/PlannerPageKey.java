package dev.memplan.web.planner;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.web.PageKey;

/** The planner page's cache key: its canonical query ({@link PlanForm#canonicalQuery()}), the one the page is rendered from. */
@Component
class PlannerPageKey implements PageKey {

	private final ServerCatalog catalog = ServerCatalog.standard();

	@Override
	public String of(HttpServletRequest request) {
		return PlanForm.from(parameters(request), this.catalog).canonicalQuery();
	}

	/** As Spring binds {@code @RequestParam MultiValueMap}: every parameter with all its values, in order. */
	static MultiValueMap<String, String> parameters(HttpServletRequest request) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			params.put(parameter.getKey(), List.of(parameter.getValue()));
		}
		return params;
	}

}

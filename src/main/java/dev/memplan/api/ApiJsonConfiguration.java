package dev.memplan.api;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.StreamReadFeature;

/**
 * The API's request bodies are the only JSON memplan reads: a key given twice ({@code "hostRam"}
 * twice, the last silently winning) is refused with 400 naming the key, so what a client sends is
 * what memplan plans ({@link ApiProblemHandler}).
 */
@Configuration(proxyBeanMethods = false)
class ApiJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer refuseDuplicateKeys() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

}

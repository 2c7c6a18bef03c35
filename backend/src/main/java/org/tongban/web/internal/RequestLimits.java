package org.tongban.web.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much one request may carry and one answer may list.
 *
 * @param jsonBody       the largest JSON request body; larger ones get a 413 problem before they are read
 * @param definitionBody the largest workflow definition file (YAML or plain-text bodies)
 * @param problemErrors  the most errors one problem lists; the rest are counted in {@code errorsOmitted}
 * @param retryAfter     what a 503 answer (database unreachable) tells the client to wait, in {@code Retry-After}
 */
@ConfigurationProperties("tongban.limits")
record RequestLimits(@DefaultValue("1MB") DataSize jsonBody, @DefaultValue("256KB") DataSize definitionBody,
        @DefaultValue("50") int problemErrors, @DefaultValue("10s") java.time.Duration retryAfter) {
}

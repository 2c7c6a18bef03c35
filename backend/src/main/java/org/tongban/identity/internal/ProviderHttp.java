package org.tongban.identity.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * The HTTP clients the portal uses to talk to the identity provider: token endpoint, key set and user
 * info. Spring Security's defaults wait forever; a provider that accepts the connection and never
 * answers held one sign-in for 14 minutes. Here connecting and reading each give up after
 * {@code tongban.identity.provider-timeout}, and the sign-in ends with the portal's failure page.
 */
final class ProviderHttp {

    private ProviderHttp() {
    }

    static ClientHttpRequestFactory requestFactory(Duration timeout) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(timeout);
        factory.setReadTimeout(timeout);
        return factory;
    }

    /** For the token endpoint: the converters and error handling Spring Security's own client sets up. */
    static RestClient tokenClient(Duration timeout) {
        return RestClient.builder()
                .requestFactory(requestFactory(timeout))
                .messageConverters(converters -> {
                    converters.clear();
                    converters.addAll(List.of(new FormHttpMessageConverter(),
                            new OAuth2AccessTokenResponseHttpMessageConverter()));
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }

    /** For the key set and user info. */
    static RestTemplate restTemplate(Duration timeout) {
        return new RestTemplate(requestFactory(timeout));
    }

    /** For user info, which answers OAuth 2.0 errors in its own way. */
    static RestTemplate userInfoTemplate(Duration timeout) {
        RestTemplate template = restTemplate(timeout);
        template.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        return template;
    }
}

package org.tongban.web.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the React app and picks the request language. Paths that are neither files nor server
 * endpoints are the app's own routes (/services, /my/applications, ...), so they get index.html and
 * the app's router takes over.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;

    private static final List<String> SERVER_PREFIXES =
            List.of("api/", "actuator", "v3/", "swagger-ui", "oauth2/", "login", "logout", "idp/", "connect/",
                    "userinfo", ".well-known/", "error");

    /** Before security: an oversized body is refused without reading it, signed in or not. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            RequestLimits limits, org.tongban.web.Problems problems) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new RequestBodyLimitFilter(limits, problems));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 50);
        return registration;
    }

    /** Outside everything, the session filter included: a database outage there is a 503, not a 500. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(
            RequestLimits limits, org.tongban.web.Problems problems) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new DatabaseUnavailableFilter(problems, limits));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setDefaultLocale(ZH_CN);
        resolver.setSupportedLocales(List.of(ZH_CN, Locale.US));
        return resolver;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Vite fingerprints everything under /assets: cache it for a year
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new SpaFallbackResolver());
    }

    /** Answers unknown app routes with index.html; leaves server endpoints and missing files alone. */
    static final class SpaFallbackResolver extends PathResourceResolver {

        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            Resource requested = location.createRelative(resourcePath);
            if (requested.exists() && requested.isReadable()) {
                return requested;
            }
            boolean serverPath = SERVER_PREFIXES.stream().anyMatch(resourcePath::startsWith);
            boolean looksLikeFile = resourcePath.substring(resourcePath.lastIndexOf('/') + 1).contains(".");
            if (serverPath || looksLikeFile) {
                return null;
            }
            Resource index = new ClassPathResource("/static/index.html");
            return index.exists() ? index : null;
        }
    }
}

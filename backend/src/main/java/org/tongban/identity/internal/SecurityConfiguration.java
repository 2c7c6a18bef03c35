package org.tongban.identity.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.tongban.identity.IdentityProvider;
import org.tongban.identity.Person;
import org.tongban.identity.Role;
import org.tongban.web.ProblemType;
import org.tongban.web.Problems;

/**
 * The portal's security: a backend-for-frontend for browsers (OIDC login, HttpOnly session cookie
 * stored in the database, CSRF token for the SPA) and a resource server for API clients (bearer
 * JWTs checked for signature, issuer, audience and lifetime). Every /api request is authenticated
 * on the server; role checks sit on the endpoints.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String REGISTRATION_ID = "tongban";

    /** Keycloak, when configured; otherwise the idp module's embedded provider is the only one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "tongban.identity.provider", havingValue = "keycloak")
    static class KeycloakConfiguration {

        @Bean
        IdentityProvider keycloakIdentityProvider(IdentityProperties properties, ResourceLoader resources) {
            String secret = properties.keycloak().clientSecret();
            if (secret == null || secret.isBlank()) {
                // demo default: the secret in the realm file; production sets TONGBAN_PORTAL_CLIENT_SECRET
                secret = RealmClientSecret.read(resources, properties.realmFile(), properties.portalClientId());
            }
            return new KeycloakIdentityProvider(properties, secret);
        }
    }

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(ObjectProvider<IdentityProvider> providers) {
        return new LazyClientRegistrationRepository(REGISTRATION_ID, () -> single(providers));
    }

    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        // in the (JDBC-backed) session, so every portal instance sees the same tokens
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    JwtDecoder jwtDecoder(ObjectProvider<IdentityProvider> providers, IdentityProperties properties) {
        return new LazyJwtDecoder(() -> single(providers).connection(), properties.apiAudience(),
                properties.jwtClockSkew(), properties.providerTimeout());
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 10)
    SecurityFilterChain portalSecurity(HttpSecurity http, ClientRegistrationRepository registrations,
            JwtDecoder jwtDecoder, Problems problems, Environment environment, JdbcPeople people,
            IdentityProperties properties) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        // public e-certificate verification: no sign-in, and no CSRF token (it changes nothing and acts for nobody)
        RequestMatcher certificateVerification = PathPatternRequestMatcher.withDefaults()
                .matcher("/api/v1/certificates/verification/**");
        RequestMatcher bearer = request -> {
            String header = request.getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        };
        ProblemAuthenticationEntryPoint problemEntryPoint = new ProblemAuthenticationEntryPoint(problems, null);
        ProblemAuthenticationEntryPoint bearerEntryPoint =
                new ProblemAuthenticationEntryPoint(problems, new BearerTokenAuthenticationEntryPoint());

        DefaultOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        // PKCE for the confidential client too (OAuth 2.1 / BCP for browser-based apps)
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        OidcClientInitiatedLogoutSuccessHandler logoutSuccess =
                new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/");

        JwtAuthenticationConverter jwtAuthentication = new JwtAuthenticationConverter();
        jwtAuthentication.setJwtGrantedAuthoritiesConverter((Jwt jwt) -> authorities(jwt.getClaims()));
        jwtAuthentication.setPrincipalClaimName("sub");

        http
            .authorizeHttpRequests(authorize -> authorize
                .requestMatchers(HttpMethod.GET, "/api/v1/departments", "/api/v1/departments/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/workflow-definitions", "/api/v1/workflow-definitions/**",
                        "/api/v1/catalog/**", "/api/v1/exchange/catalogue").permitAll()
                .requestMatchers(certificateVerification).permitAll()
                .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.code())
                .requestMatchers("/api/**").authenticated()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/actuator/**").denyAll()
                // the React app, its routes, /login and the API documentation are public
                .anyRequest().permitAll())
            .oauth2Login(login -> login
                .loginPage("/login")
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                .tokenEndpoint(token -> token.accessTokenResponseClient(tokenResponseClient(properties.providerTimeout())))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUserService(people, properties.providerTimeout())))
                .defaultSuccessUrl("/", false)
                .failureUrl("/?signInFailed"))
            .oauth2ResourceServer(resourceServer -> resourceServer
                .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(jwtAuthentication))
                .authenticationEntryPoint(bearerEntryPoint))
            .exceptionHandling(exceptions -> exceptions
                .defaultAuthenticationEntryPointFor(problemEntryPoint, api)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        AnyRequestMatcher.INSTANCE)
                .accessDeniedHandler(new ProblemAccessDeniedHandler(problems)))
            // after sign-in the person lands on the portal home; nothing to replay
            .requestCache(cache -> cache.requestCache(new NullRequestCache()))
            // the token is kept in the session (bound to it); CsrfCookieFilter hands the SPA a copy in the
            // XSRF-TOKEN cookie, which it echoes in X-XSRF-TOKEN (the sign-out form posts it as _csrf). A
            // cookie set by anyone else is never compared with. The token is never rendered into HTML, so no
            // BREACH masking is needed
            .csrf(csrf -> csrf.csrfTokenRepository(sessionCsrfTokens())
                .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                .ignoringRequestMatchers(bearer, certificateVerification))
            .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
            // after both the session's and the bearer token's authentication
            .addFilterAfter(new PersonDirectoryFilter(people), BasicAuthenticationFilter.class)
            .logout(logout -> logout.logoutSuccessHandler(logoutSuccess).deleteCookies("TONGBAN_SESSION", CsrfCookieFilter.COOKIE))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                        + "script-src 'self'; frame-ancestors 'none'; form-action 'self' " + formTargets(environment)))
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static HttpSessionCsrfTokenRepository sessionCsrfTokens() {
        HttpSessionCsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();
        tokens.setHeaderName("X-XSRF-TOKEN");
        // apart from the embedded provider's login form, which shares the session
        tokens.setSessionAttributeName(SecurityConfiguration.class.getName() + ".CSRF_TOKEN");
        return tokens;
    }

    // The sign-out form posts to the portal, which redirects to the identity provider.
    private static String formTargets(Environment environment) {
        String issuer = environment.getProperty("tongban.identity.keycloak.issuer-uri", "");
        try {
            java.net.URI uri = java.net.URI.create(issuer);
            return uri.getScheme() != null ? uri.getScheme() + "://" + uri.getAuthority() : "";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The token call gives up after the provider timeout (Spring Security's default client waits forever). */
    private static RestClientAuthorizationCodeTokenResponseClient tokenResponseClient(Duration timeout) {
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(ProviderHttp.tokenClient(timeout));
        return client;
    }

    /**
     * Checks the ID token of a sign-in as Spring Security's default factory does (RS256, the provider's keys,
     * the OIDC claims and lifetimes), fetching the keys with the provider timeout.
     */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(IdentityProperties properties) {
        Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();
        return registration -> decoders.computeIfAbsent(registration.getRegistrationId(), id -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder
                    .withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .restOperations(ProviderHttp.restTemplate(properties.providerTimeout()))
                    .build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                    new OidcIdTokenValidator(registration)));
            decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
            return decoder;
        });
    }

    private static OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(JdbcPeople people, Duration timeout) {
        DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
        userInfo.setRestOperations(ProviderHttp.userInfoTemplate(timeout));
        OidcUserService delegate = new OidcUserService();
        delegate.setOauth2UserService(userInfo);
        return request -> {
            OidcUser user = delegate.loadUser(request);
            // every sign-in refreshes the official's entry in the person directory
            people.rememberQuietly(Person.fromClaims(user.getClaims()));
            return new DefaultOidcUser(authorities(user.getClaims()), user.getIdToken(), user.getUserInfo(), "sub");
        };
    }

    static Collection<GrantedAuthority> authorities(java.util.Map<String, Object> claims) {
        Set<GrantedAuthority> authorities = new HashSet<>();
        for (String code : Person.roleCodes(claims)) {
            Role.fromCode(code).ifPresent(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        }
        return authorities;
    }

    private static IdentityProvider single(ObjectProvider<IdentityProvider> providers) {
        IdentityProvider provider = providers.getIfUnique();
        if (provider == null) {
            throw new IllegalStateException("No identity provider is configured: set tongban.identity.provider "
                    + "to keycloak (with tongban.identity.keycloak.issuer-uri) or run the demo profile");
        }
        return provider;
    }
}

package org.tongban.idp.internal;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.tongban.identity.IdentityProvider;
import org.tongban.identity.IdentityProviderConnection;

/**
 * Wires the embedded OIDC provider: its own security filter chain in front of the portal's, the
 * portal as its only client, the realm file's users, and token claims shaped like Keycloak's.
 *
 * <p>It shares the HTTP session with the portal but keeps its sign-in under its own session key, so
 * "signed in at the identity provider" and "signed in to the portal" stay two things, as they are
 * with Keycloak; signing out of the portal ends the session and with it both.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tongban.identity.provider", havingValue = "embedded", matchIfMissing = true)
class EmbeddedIdentityProviderConfiguration {

    static final String IDP_SECURITY_CONTEXT = "TONGBAN_EMBEDDED_IDP_SECURITY_CONTEXT";
    static final String LOGIN_PAGE = "/idp/login";

    private final Environment environment;
    private final RealmFile realm;

    EmbeddedIdentityProviderConfiguration(Environment environment, ResourceLoader resources) {
        if (!environment.acceptsProfiles(Profiles.of("demo"))) {
            throw new IllegalStateException("""
                    The embedded identity provider is for the demo only and starts only with the "demo" \
                    profile (active profiles: %s). In any other environment sign in through Keycloak: \
                    set tongban.identity.provider=keycloak (or activate the "keycloak" profile)."""
                    .formatted(Arrays.toString(environment.getActiveProfiles())));
        }
        this.environment = environment;
        this.realm = RealmFile.read(resources.getResource(
                environment.getProperty("tongban.identity.realm-file", "classpath:keycloak/tongban-realm.json")));
    }

    @Bean
    RealmFile realmFile() {
        return realm;
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain embeddedIdentityProviderSecurity(HttpSecurity http, DemoUsers users,
            JWKSource<SecurityContext> jwkSource) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(IDP_SECURITY_CONTEXT);
        HttpSessionRequestCache requests = new HttpSessionRequestCache();
        requests.setSessionAttrName("TONGBAN_EMBEDDED_IDP_SAVED_REQUEST");
        requests.setMatchingRequestParameterName(null);
        http
            .securityMatcher(new OrRequestMatcher(authorizationServer.getEndpointsMatcher(),
                    PathPatternRequestMatcher.withDefaults().matcher("/idp/**")))
            // userinfo answers with the person's claims, including those the ID token leaves out
            .with(authorizationServer, server -> server.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo
                    .userInfoMapper(context -> userInfo(users, context.getAuthorization().getPrincipalName())))))
            // the userinfo endpoint takes the access token as a bearer token
            .oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(jwt -> jwt.decoder(NimbusJwtDecoder.withJwkSource(jwkSource).build())))
            .authorizeHttpRequests(authorize -> authorize
                .requestMatchers(LOGIN_PAGE, "/idp/assets/**").permitAll()
                .anyRequest().authenticated())
            .authenticationProvider(users.authenticationProvider())
            .securityContext(context -> context.securityContextRepository(contexts))
            .requestCache(cache -> cache.requestCache(requests))
            .formLogin(form -> form.loginPage(LOGIN_PAGE).loginProcessingUrl(LOGIN_PAGE)
                    .failureUrl(LOGIN_PAGE + "?error").securityContextRepository(contexts))
            .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
            // the login page: no script at all, its one style sheet by hash, the form posts only to the portal
            // (and the redirects after it stay there); nothing of its address leaks to other sites
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; style-src "
                        + LoginPageController.STYLE_HASH + "; form-action 'self' " + String.join(" ", baseUrls())
                        + "; frame-ancestors 'none'; base-uri 'none'"))
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    private static OidcUserInfo userInfo(DemoUsers users, String username) {
        DemoUsers.DemoUserDetails user = users.find(username)
                .orElseThrow(() -> new UsernameNotFoundException(username));
        Map<String, Object> claims = new java.util.LinkedHashMap<>(user.user().claims());
        claims.put("sub", user.user().subject());
        return new OidcUserInfo(claims);
    }

    @Bean
    PasswordEncoder embeddedIdpPasswordEncoder() {
        // strength 4: the demo users are hashed at every start, which must stay fast
        return new BCryptPasswordEncoder(4);
    }

    @Bean
    DemoUsers demoUsers(PasswordEncoder embeddedIdpPasswordEncoder) {
        return new DemoUsers(realm, embeddedIdpPasswordEncoder);
    }

    @Bean
    UserDetailsService embeddedIdpUserDetailsService(DemoUsers users) {
        return username -> users.find(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource() {
        // a new key at every start: the demo provider keeps no secrets on disk
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate()).keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(PasswordEncoder embeddedIdpPasswordEncoder) {
        String clientId = environment.getProperty("tongban.identity.portal-client-id", "tongban-portal");
        RealmFile.Client client = realm.clients().get(clientId);
        if (client == null) {
            throw new IllegalStateException("The realm file has no client " + clientId);
        }
        String secretHash = embeddedIdpPasswordEncoder.encode(client.secret());
        return new RegisteredClientRepository() {
            private volatile RegisteredClient registered;

            @Override
            public void save(RegisteredClient registeredClient) {
                throw new UnsupportedOperationException("the embedded provider's clients come from the realm file");
            }

            @Override
            public RegisteredClient findById(String id) {
                RegisteredClient c = portal();
                return c.getId().equals(id) ? c : null;
            }

            @Override
            public RegisteredClient findByClientId(String id) {
                RegisteredClient c = portal();
                return c.getClientId().equals(id) ? c : null;
            }

            // built on first use: the redirect addresses contain the port the server was given
            private RegisteredClient portal() {
                RegisteredClient current = registered;
                if (current == null) {
                    RegisteredClient.Builder builder = RegisteredClient.withId(clientId)
                            .clientId(clientId)
                            .clientSecret(secretHash)
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                            .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                            .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                            .clientSettings(ClientSettings.builder().requireProofKey(true)
                                    .requireAuthorizationConsent(false).build())
                            .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(5))
                                    .refreshTokenTimeToLive(Duration.ofMinutes(30)).reuseRefreshTokens(false).build());
                    for (String base : baseUrls()) {
                        builder.redirectUri(base + "/login/oauth2/code/tongban");
                        builder.postLogoutRedirectUri(base + "/");
                    }
                    current = builder.build();
                    registered = current;
                }
                return current;
            }
        };
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> keycloakShapedClaims() {
        String audience = environment.getProperty("tongban.identity.api-audience", "tongban-api");
        String clientId = environment.getProperty("tongban.identity.portal-client-id", "tongban-portal");
        Set<String> notInIdToken = realm.clients().get(clientId).notInIdToken();
        return context -> {
            if (!(context.getPrincipal().getPrincipal() instanceof DemoUsers.DemoUserDetails user)) {
                return;
            }
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            if (idToken || accessToken) {
                context.getClaims().subject(user.user().subject());
                context.getClaims().claims(claims -> claims.putAll(user.user().claims()));
            }
            if (idToken) {
                // the ID token travels in the sign-out URL (id_token_hint): no resident ID number in it
                context.getClaims().claims(claims -> claims.keySet().removeAll(notInIdToken));
            }
            if (accessToken) {
                Set<String> audiences = new LinkedHashSet<>(context.getClaims().build().getAudience());
                audiences.add(audience);
                context.getClaims().audience(new ArrayList<>(audiences));
            }
        };
    }

    @Bean
    IdentityProvider embeddedIdentityProvider() {
        String clientId = environment.getProperty("tongban.identity.portal-client-id", "tongban-portal");
        String secret = realm.clients().get(clientId).secret();
        return new IdentityProvider() {
            private volatile IdentityProviderConnection connection;

            @Override
            public IdentityProviderConnection connection() {
                IdentityProviderConnection current = connection;
                if (current == null) {
                    // the portal calls itself on the loopback address; browsers use the public address
                    String self = "http://localhost:" + port();
                    String browser = publicUrl().orElse(self);
                    current = new IdentityProviderConnection(self, browser + "/oauth2/authorize",
                            self + "/oauth2/token", self + "/oauth2/jwks", self + "/userinfo",
                            browser + "/connect/logout", clientId, secret);
                    connection = current;
                }
                return current;
            }

            @Override
            public String description() {
                return "embedded demo identity provider (realm file " + realm.realm() + ")";
            }
        };
    }

    private List<String> baseUrls() {
        Set<String> urls = new LinkedHashSet<>();
        publicUrl().ifPresent(urls::add);
        urls.add("http://localhost:" + port());
        urls.add("http://127.0.0.1:" + port());
        return List.copyOf(urls);
    }

    private java.util.Optional<String> publicUrl() {
        String url = environment.getProperty("tongban.public-url", "");
        return url.isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    private String port() {
        return environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

}

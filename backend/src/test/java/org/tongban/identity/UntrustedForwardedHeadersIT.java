package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.support.Browserless;
import org.tongban.support.Browserless.Page;

/** With the only trusted proxy elsewhere, a client's own X-Forwarded-* headers steer nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tongban.data-dir=./target/it-data/embedded", "tongban.trusted-proxies=192\\.0\\.2\\.1"})
class UntrustedForwardedHeadersIT {

    @LocalServerPort
    int port;

    @Test
    void forwardedHeadersFromAnUntrustedClientDoNotRedirectSignInElsewhere() {
        Browserless client = new Browserless("http://localhost:" + port);
        String[] forged = {"X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https",
                "X-Forwarded-Port", "443", "X-Forwarded-For", "203.0.113.9"};
        Page login = client.getOnce("/login", forged);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).doesNotContain("evil.example");

        Page authorize = client.getOnce("/oauth2/authorization/tongban", forged);
        String location = URLDecoder.decode(authorize.header("Location"), StandardCharsets.UTF_8);
        assertThat(location).doesNotContain("evil.example")
                .contains("redirect_uri=http://localhost:" + port + "/login/oauth2/code/tongban");

        // and sign-in still works for that client, on the address it actually used
        Page landing = client.signIn("lisi", "Demo@2026");
        assertThat(landing.uri().getHost()).isEqualTo("localhost");
        assertThat(client.get("/api/v1/me").status()).isEqualTo(200);
    }
}

package org.tongban.certificate.internal;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address people use to reach the portal ({@code tongban.public-url}; empty: http://localhost:&lt;port&gt;, as
 * the identity module resolves it), for the verification links in QR codes.
 */
@Component
class PublicAddress {

    private final Environment environment;

    PublicAddress(Environment environment) {
        this.environment = environment;
    }

    String base() {
        String url = environment.getProperty("tongban.public-url", "");
        if (url.isBlank()) {
            return "http://localhost:" + environment.getProperty("local.server.port",
                    environment.getProperty("server.port", "8080"));
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * The verification page with the token in the fragment: browsers never send a fragment, so the token (which
     * carries no personal data anyway) stays out of access logs; the page posts it to the verification API.
     */
    String verificationUrl(String token) {
        return base() + "/verify#t=" + token;
    }
}

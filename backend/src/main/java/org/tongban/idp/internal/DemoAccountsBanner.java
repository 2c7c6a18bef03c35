package org.tongban.idp.internal;

import java.util.Comparator;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Tells whoever started the demo where it runs and how to sign in. */
@Component
@ConditionalOnProperty(name = "tongban.identity.provider", havingValue = "embedded", matchIfMissing = true)
class DemoAccountsBanner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccountsBanner.class);

    private final DemoUsers users;
    private final RealmFile realm;
    private final Environment environment;

    DemoAccountsBanner(DemoUsers users, RealmFile realm, Environment environment) {
        this.users = users;
        this.realm = realm;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void printAccounts() {
        String url = environment.getProperty("tongban.public-url", "");
        if (url.isBlank()) {
            url = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        }
        String accounts = users.all().stream()
                .sorted(Comparator.comparing(DemoUsers.DemoUserDetails::getUsername))
                .map(u -> String.format("  %-14s %-6s %-12s %s", u.getUsername(), u.user().displayName(),
                        String.join(",", u.roles()), String.join(",", u.user().departments())))
                .collect(Collectors.joining("\n"));
        String passwords = realm.users().stream().map(RealmFile.DemoUser::password).distinct()
                .collect(Collectors.joining(", "));
        log.info("""

                ================================================================
                 通办 Tongban is running: {}
                 Demo identity provider (DEMO ONLY). Demo password(s): {}
                {}
                ================================================================""", url, passwords, accounts);
    }
}

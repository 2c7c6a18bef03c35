package org.tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;

/**
 * A provider that takes the connection and never answers (as one did for 14 minutes during a sign-in):
 * the token, key-set and user-info calls give up with a read timeout instead of holding the request.
 */
class ProviderHttpTest {

    private ServerSocket silent;
    private final List<Socket> accepted = new ArrayList<>();
    private Thread acceptor;

    @BeforeEach
    void silentProvider() throws Exception {
        silent = new ServerSocket(0);
        acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept()); // never reads, never answers
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws Exception {
        silent.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    private String uri(String path) {
        return "http://127.0.0.1:" + silent.getLocalPort() + path;
    }

    @Test
    void theTokenCallGivesUp() {
        assertThatThrownBy(() -> ProviderHttp.tokenClient(Duration.ofMillis(300)).post().uri(uri("/token"))
                .retrieve().toBodilessEntity())
                .isInstanceOf(ResourceAccessException.class).hasRootCauseInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void theKeySetAndUserInfoCallsGiveUp() {
        assertThatThrownBy(() -> ProviderHttp.restTemplate(Duration.ofMillis(300)).getForObject(uri("/certs"),
                String.class))
                .isInstanceOf(ResourceAccessException.class).hasRootCauseInstanceOf(SocketTimeoutException.class);
        assertThatThrownBy(() -> ProviderHttp.userInfoTemplate(Duration.ofMillis(300)).getForObject(uri("/userinfo"),
                String.class))
                .isInstanceOf(ResourceAccessException.class).hasRootCauseInstanceOf(SocketTimeoutException.class);
    }
}

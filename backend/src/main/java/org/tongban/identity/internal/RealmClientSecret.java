package org.tongban.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ResourceLoader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a client's secret from the realm export: the demo default when none is configured. */
final class RealmClientSecret {

    private RealmClientSecret() {
    }

    static String read(ResourceLoader resources, String realmFile, String clientId) {
        try (InputStream in = resources.getResource(realmFile).getInputStream()) {
            JsonNode realm = JsonMapper.builder().build().readTree(in);
            for (JsonNode client : realm.path("clients")) {
                if (clientId.equals(client.path("clientId").asString())) {
                    return client.path("secret").asString();
                }
            }
            throw new IllegalStateException("Client " + clientId + " is not in " + realmFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the realm file " + realmFile, e);
        }
    }
}

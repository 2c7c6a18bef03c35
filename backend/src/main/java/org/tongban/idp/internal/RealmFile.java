package org.tongban.idp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.io.Resource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of a Keycloak realm export the embedded provider needs: users with their password,
 * realm roles, groups and subgroups (whose {@code department} and {@code department_roles} attributes become
 * those claims, a subgroup inheriting its parent's as Keycloak's aggregating attribute mapper does) and
 * attributes; and the clients with their secrets and redirect addresses.
 */
record RealmFile(String realm, List<DemoUser> users, Map<String, Client> clients) {

    static RealmFile read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, List<String>> departmentsByGroupPath = new HashMap<>();
            Map<String, List<String>> rolesByGroupPath = new HashMap<>();
            groups(root.path("groups"), "", List.of(), List.of(), departmentsByGroupPath, rolesByGroupPath);
            List<DemoUser> users = new ArrayList<>();
            for (JsonNode user : root.path("users")) {
                if (!user.path("enabled").asBoolean(true)) {
                    continue;
                }
                String password = null;
                for (JsonNode credential : user.path("credentials")) {
                    if ("password".equals(credential.path("type").asString())) {
                        password = credential.path("value").asString();
                    }
                }
                List<String> departments = new ArrayList<>();
                List<String> departmentRoles = new ArrayList<>();
                for (String group : strings(user.path("groups"))) {
                    departmentsByGroupPath.getOrDefault(group, List.of()).stream()
                            .filter(department -> !departments.contains(department)).forEach(departments::add);
                    departmentRoles.addAll(rolesByGroupPath.getOrDefault(group, List.of()));
                }
                Map<String, String> attributes = new LinkedHashMap<>();
                user.path("attributes").properties().forEach(entry -> {
                    List<String> values = strings(entry.getValue());
                    if (!values.isEmpty()) {
                        attributes.put(entry.getKey(), values.get(0));
                    }
                });
                String username = user.path("username").asString();
                users.add(new DemoUser(subjectOf(username), username, password, user.path("firstName").asString(),
                        user.path("lastName").asString(), user.path("email").asString(),
                        strings(user.path("realmRoles")), List.copyOf(departments), List.copyOf(departmentRoles),
                        Map.copyOf(attributes)));
            }
            Map<String, Client> clients = new LinkedHashMap<>();
            for (JsonNode client : root.path("clients")) {
                String id = client.path("clientId").asString();
                java.util.Set<String> notInIdToken = new java.util.TreeSet<>();
                for (JsonNode mapper : client.path("protocolMappers")) {
                    JsonNode config = mapper.path("config");
                    if (config.has("claim.name") && "false".equals(config.path("id.token.claim").asString("true"))) {
                        notInIdToken.add(config.path("claim.name").asString());
                    }
                }
                clients.put(id, new Client(id, client.path("secret").asString(), java.util.Set.copyOf(notInIdToken)));
            }
            return new RealmFile(root.path("realm").asString(), List.copyOf(users), Map.copyOf(clients));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the realm file " + resource, e);
        }
    }

    /** Walks groups and subgroups; a group without its own attribute has its parent's. */
    private static void groups(JsonNode groups, String parentPath, List<String> parentDepartments,
            List<String> parentRoles, Map<String, List<String>> departments, Map<String, List<String>> roles) {
        for (JsonNode group : groups) {
            String path = group.path("path").asString(parentPath + "/" + group.path("name").asString());
            List<String> own = strings(group.path("attributes").path("department"));
            List<String> ownRoles = strings(group.path("attributes").path("department_roles"));
            List<String> groupDepartments = own.isEmpty() ? parentDepartments : own;
            List<String> groupRoles = ownRoles.isEmpty() ? parentRoles : ownRoles;
            departments.put(path, groupDepartments);
            roles.put(path, groupRoles);
            groups(group.path("subGroups"), path, groupDepartments, groupRoles, departments, roles);
        }
    }

    // A stable, opaque subject per user, like Keycloak's user ids: the same after every restart.
    static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(("tongban-demo-user:" + username).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asString()));
        } else if (node.isString()) {
            values.add(node.asString());
        }
        return values;
    }

    /** A person of the realm, with what goes into their tokens. */
    record DemoUser(String subject, String username, String password, String firstName, String lastName,
            String email, List<String> roles, List<String> departments, List<String> departmentRoles,
            Map<String, String> attributes)
            implements java.io.Serializable {

        String displayName() {
            boolean han = (lastName + firstName).codePoints()
                    .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
            return han ? lastName + firstName : firstName + " " + lastName;
        }

        /** The claims Keycloak's protocol mappers put into ID and access tokens for this realm. */
        Map<String, Object> claims() {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("preferred_username", username);
            claims.put("given_name", firstName);
            claims.put("family_name", lastName);
            claims.put("name", firstName + " " + lastName);
            claims.put("email", email);
            claims.put("email_verified", true);
            claims.put("roles", roles);
            if (!departments.isEmpty()) {
                claims.put("department", departments);
            }
            if (!departmentRoles.isEmpty()) {
                claims.put("department_roles", departmentRoles);
            }
            for (String attribute : List.of("national_id", "uscc", "enterprise_name")) {
                if (attributes.containsKey(attribute)) {
                    claims.put(attribute, attributes.get(attribute));
                }
            }
            return claims;
        }
    }

    /**
     * A client of the realm.
     *
     * @param notInIdToken claims whose protocol mapper keeps them out of the ID token (it travels in the
     *                     sign-out URL as {@code id_token_hint}); they are in the access token and userinfo only
     */
    record Client(String clientId, String secret, java.util.Set<String> notInIdToken) {
    }
}

package org.tongban.workflow.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.workflow.InvalidDefinitionException;
import org.tongban.workflow.PublishedDefinition;
import org.tongban.workflow.ValidationReport;
import org.tongban.workflow.WorkflowDefinitions;

/**
 * Definitions in {@code workflow_definition}. A version's text never changes once published; the
 * parsed definition and its machine pool are cached by version id.
 */
class JdbcWorkflowDefinitions implements WorkflowDefinitions {

    private final JdbcClient jdbc;
    private final DefinitionParser parser;
    private final Clock clock;
    private final Map<Long, Loaded> loaded = new ConcurrentHashMap<>();
    /** Newest version id per service, remembered briefly: another instance's publication shows within seconds. */
    private final Map<String, Cached> latestIds = new ConcurrentHashMap<>();
    private static final java.time.Duration LATEST_TTL = java.time.Duration.ofSeconds(2);

    private record Cached(long id, long loadedAt) {
    }

    JdbcWorkflowDefinitions(JdbcClient jdbc, DefinitionParser parser, Clock clock) {
        this.jdbc = jdbc;
        this.parser = parser;
        this.clock = clock;
    }

    /** A published version, parsed, with the machines that run it. */
    record Loaded(PublishedDefinition published, MachinePool machines) {

        boolean hasDecisions() {
            return published.definition().steps().values().stream()
                    .anyMatch(step -> step instanceof org.tongban.workflow.Step.Decision);
        }
    }

    @Override
    public ValidationReport validate(String file, String yaml) {
        return parser.parse(file, yaml);
    }

    @Override
    @Transactional
    public PublishedDefinition publish(String file, String yaml, String publishedBy) {
        ValidationReport report = parser.parse(file, yaml);
        if (!report.valid()) {
            throw new InvalidDefinitionException(report);
        }
        String code = report.definition().orElseThrow().service().code();
        String hash = sha256(yaml);
        Optional<Row> latest = latestRow(code);
        if (latest.isPresent() && latest.get().hash().equals(hash)) {
            return load(latest.get().id()).published();
        }
        int version = latest.map(row -> row.version() + 1).orElse(1);
        try {
            jdbc.sql("""
                    INSERT INTO workflow_definition (service_code, version, content_hash, content, source_file,
                        published_at, published_by) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(code, version, hash, yaml, file, Timestamp.from(clock.instant()), publishedBy).update();
        } catch (DuplicateKeyException e) {
            // another portal instance published the same version at the same moment
        }
        latestIds.remove(code);
        return latestRow(code).map(row -> load(row.id()).published()).orElseThrow();
    }

    @Override
    public Optional<PublishedDefinition> latest(String serviceCode) {
        long now = System.nanoTime();
        Cached cached = latestIds.get(serviceCode);
        if (cached != null && now - cached.loadedAt() < LATEST_TTL.toNanos()) {
            return Optional.of(load(cached.id()).published());
        }
        Optional<Row> row = latestRow(serviceCode);
        row.ifPresent(r -> latestIds.put(serviceCode, new Cached(r.id(), now)));
        return row.map(r -> load(r.id()).published());
    }

    @Override
    public Optional<PublishedDefinition> version(String serviceCode, int version) {
        return jdbc.sql("SELECT id FROM workflow_definition WHERE service_code = ? AND version = ?")
                .params(serviceCode, version).query(Long.class).optional().map(id -> load(id).published());
    }

    @Override
    public List<PublishedDefinition> latestOfEach() {
        return jdbc.sql("""
                SELECT d.id FROM workflow_definition d
                WHERE d.version = (SELECT MAX(v.version) FROM workflow_definition v WHERE v.service_code = d.service_code)
                ORDER BY d.service_code""").query(Long.class).list().stream().map(id -> load(id).published()).toList();
    }

    @Override
    public String diagram(PublishedDefinition definition, Locale locale) {
        return MermaidDiagram.render(definition.definition(), locale);
    }

    Loaded load(long id) {
        return loaded.computeIfAbsent(id, key -> {
            Map<String, Object> row = jdbc.sql("""
                    SELECT service_code, version, content, source_file, published_at, published_by
                    FROM workflow_definition WHERE id = ?""").param(key).query().singleRow();
            String file = (String) row.get("source_file");
            ValidationReport report = parser.parse(file, (String) row.get("content"));
            var definition = report.definition().orElseThrow(() -> new IllegalStateException(
                    "Published definition " + key + " no longer parses: " + report.errors()));
            PublishedDefinition published = new PublishedDefinition(key, (String) row.get("service_code"),
                    ((Number) row.get("version")).intValue(), definition, file,
                    Times.instant(row.get("published_at")), (String) row.get("published_by"));
            return new Loaded(published, new MachinePool(definition, published.serviceCode() + "@" + published.version()));
        });
    }

    private Optional<Row> latestRow(String code) {
        return jdbc.sql("""
                SELECT id, version, content_hash FROM workflow_definition WHERE service_code = ?
                ORDER BY version DESC LIMIT 1""").param(code)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getString(3))).optional();
    }

    private record Row(long id, int version, String hash) {
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

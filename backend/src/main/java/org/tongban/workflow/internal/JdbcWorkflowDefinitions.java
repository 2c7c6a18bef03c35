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
import org.tongban.shared.DomainException;
import org.tongban.workflow.DataCatalogue;
import org.tongban.workflow.LocalizedText;
import org.tongban.workflow.WorkflowProblem;
import org.tongban.workflow.PublishedDefinition;
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
    private final Map<String, Long> versionIds = new ConcurrentHashMap<>();
    /** Newest version id per service, remembered briefly: another instance's publication shows within seconds. */
    private final Map<String, Cached> latestIds = new ConcurrentHashMap<>();
    private static final java.time.Duration LATEST_TTL = java.time.Duration.ofSeconds(2);

    private record Cached(long id, long loadedAt) {
    }

    /** The newest version id of every service, remembered as briefly (the catalogue lists them on every visit). */
    private volatile CachedList latestList;

    private record CachedList(List<Long> ids, long loadedAt) {
    }

    /** A department's name in both languages, for the texts that name one; the code itself when unknown. */
    private final java.util.function.Function<String, LocalizedText> departmentNames;

    JdbcWorkflowDefinitions(JdbcClient jdbc, DefinitionParser parser, Clock clock) {
        this(jdbc, parser, clock, code -> new LocalizedText(code, code));
    }

    JdbcWorkflowDefinitions(JdbcClient jdbc, DefinitionParser parser, Clock clock,
            java.util.function.Function<String, LocalizedText> departmentNames) {
        this.jdbc = jdbc;
        this.parser = parser;
        this.clock = clock;
        this.departmentNames = departmentNames;
    }

    /** A published version, parsed, with the machines that run it. */
    record Loaded(Published published, MachinePool machines) {

        boolean hasDecisions() {
            return published.definition().steps().values().stream()
                    .anyMatch(step -> step instanceof org.tongban.workflow.Step.Decision);
        }
    }

    /** A department's name in both languages, for texts that name it; the code itself when unknown. */
    LocalizedText departmentName(String code) {
        return departmentNames.apply(code);
    }

    /** Validates a definition file without publishing it. */
    ValidationReport validate(String file, String yaml) {
        return parser.parse(file, yaml);
    }

    @Transactional
    Published publish(String file, String yaml, Publisher publisher) {
        WorkflowDefinition definition = valid(file, yaml);
        String code = definition.service().code();
        Optional<Row> latest = latestRow(code);
        if (latest.isPresent()) {
            String owner = load(latest.get().id()).published().department();
            // the owner is the department of the service as published, never the one a new file claims
            if (!publisher.mayPublishFor(owner)) {
                throw new DomainException(WorkflowProblem.NOT_OWNER, departmentNames.apply(owner));
            }
            if (!owner.equals(definition.service().department())) {
                throw new DomainException(WorkflowProblem.DEPARTMENT_CHANGE, departmentNames.apply(owner),
                        departmentNames.apply(definition.service().department()));
            }
        } else if (!publisher.mayPublishFor(definition.service().department())) {
            throw new DomainException(WorkflowProblem.NOT_OWNER, departmentNames.apply(definition.service().department()));
        }
        return insert(file, yaml, code, latest, publisher, null);
    }

    @Transactional
    Published seed(String file, String yaml) {
        WorkflowDefinition definition = valid(file, yaml);
        Optional<Row> latest = latestRow(definition.service().code());
        if (latest.isPresent() && !"system".equals(latest.get().publishedAs())) {
            return load(latest.get().id()).published();
        }
        return insert(file, yaml, definition.service().code(), latest, Publisher.SYSTEM, null);
    }

    @Transactional
    Published transfer(String serviceCode, String department, String reason, Publisher platformAdmin) {
        if (!platformAdmin.platformAdmin()) {
            throw new DomainException(WorkflowProblem.NOT_OWNER, serviceCode);
        }
        Row latest = latestRow(serviceCode).orElseThrow(() -> new DomainException(WorkflowProblem.NOT_FOUND));
        Published current = load(latest.id()).published();
        String from = current.department();
        if (from.equals(department) || !parser.knowsDepartment(department)) {
            throw new DomainException(WorkflowProblem.BAD_TRANSFER, department);
        }
        String content = content(latest.id());
        Integer line = YamlSource.parse(content).lineOf("/service/department");
        String[] lines = content.split("\n", -1);
        if (line == null || !lines[line - 1].matches("\\s*department:\\s*" + java.util.regex.Pattern.quote(from) + "\\s*(#.*)?")) {
            throw new DomainException(WorkflowProblem.BAD_TRANSFER, department);
        }
        lines[line - 1] = lines[line - 1].replaceFirst("department:(\\s*)" + java.util.regex.Pattern.quote(from),
                "department:$1" + department);
        String moved = String.join("\n", lines);
        valid(current.sourceFile(), moved);
        String note = ("moved from " + from + " to " + department + ": " + (reason == null ? "" : reason.strip()));
        return insert(current.sourceFile(), moved, serviceCode, Optional.of(latest), platformAdmin,
                note.length() > 500 ? note.substring(0, 500) : note);
    }

    private WorkflowDefinition valid(String file, String yaml) {
        ValidationReport report = parser.parse(file, yaml);
        if (!report.valid()) {
            throw new InvalidDefinitionException(report);
        }
        return report.definition().orElseThrow();
    }

    private Published insert(String file, String yaml, String code, Optional<Row> latest, Publisher publisher,
            String note) {
        String hash = sha256(yaml);
        if (latest.isPresent() && latest.get().hash().equals(hash)) {
            return load(latest.get().id()).published();
        }
        int version = latest.map(row -> row.version() + 1).orElse(1);
        try {
            jdbc.sql("""
                    INSERT INTO workflow_definition (service_code, version, content_hash, content, source_file,
                        published_at, published_by, published_as, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(code, version, hash, yaml, file, Timestamp.from(clock.instant()), publisher.subject(),
                            publisher.capacity(), note)
                    .update();
        } catch (DuplicateKeyException e) {
            // another portal instance published the same version at the same moment
        }
        latestIds.remove(code);
        latestList = null;
        return latestRow(code).map(row -> load(row.id()).published()).orElseThrow();
    }

    /** A version's file exactly as it was published. */
    String content(long id) {
        return jdbc.sql("SELECT content FROM workflow_definition WHERE id = ?").param(id).query(String.class).single();
    }

    @Override
    public Optional<PublishedDefinition> latest(String serviceCode) {
        return findLatest(serviceCode).map(PublishedDefinition.class::cast);
    }

    @Override
    public Optional<PublishedDefinition> version(String serviceCode, int version) {
        return findVersion(serviceCode, version).map(PublishedDefinition.class::cast);
    }

    @Override
    public List<PublishedDefinition> latestOfEach() {
        return latestOfEachPublished().stream().map(PublishedDefinition.class::cast).toList();
    }

    @Override
    public DataCatalogue catalogue() {
        return parser.catalogue();
    }

    Optional<Published> findLatest(String serviceCode) {
        long now = System.nanoTime();
        Cached cached = latestIds.get(serviceCode);
        if (cached != null && now - cached.loadedAt() < LATEST_TTL.toNanos()) {
            return Optional.of(load(cached.id()).published());
        }
        Optional<Row> row = latestRow(serviceCode);
        row.ifPresent(r -> latestIds.put(serviceCode, new Cached(r.id(), now)));
        return row.map(r -> load(r.id()).published());
    }

    Optional<Published> findVersion(String serviceCode, int version) {
        // a published version never changes: its id is remembered for good, and the definition is parsed once
        String key = serviceCode + "@" + version;
        Long id = versionIds.get(key);
        if (id == null) {
            Optional<Long> found = jdbc.sql("SELECT id FROM workflow_definition WHERE service_code = ? AND version = ?")
                    .params(serviceCode, version).query(Long.class).optional();
            if (found.isEmpty()) {
                return Optional.empty();
            }
            id = found.get();
            versionIds.put(key, id);
        }
        return Optional.of(load(id).published());
    }

    List<Published> latestOfEachPublished() {
        long now = System.nanoTime();
        CachedList cached = latestList;
        if (cached == null || now - cached.loadedAt() >= LATEST_TTL.toNanos()) {
            cached = new CachedList(List.copyOf(jdbc.sql("""
                    SELECT d.id FROM workflow_definition d
                    WHERE d.version = (SELECT MAX(v.version) FROM workflow_definition v WHERE v.service_code = d.service_code)
                    ORDER BY d.service_code""").query(Long.class).list()), now);
            latestList = cached;
        }
        return cached.ids().stream().map(id -> load(id).published()).toList();
    }

    /** The definition as a Mermaid state diagram. */
    String diagram(Published published, Locale locale) {
        return MermaidDiagram.render(published.definition(), locale);
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
            Published published = new Published(key, (String) row.get("service_code"),
                    ((Number) row.get("version")).intValue(), definition, file,
                    Times.instant(row.get("published_at")), (String) row.get("published_by"));
            return new Loaded(published, new MachinePool(definition, published.serviceCode() + "@" + published.version()));
        });
    }

    private Optional<Row> latestRow(String code) {
        return jdbc.sql("""
                SELECT id, version, content_hash, published_as FROM workflow_definition WHERE service_code = ?
                ORDER BY version DESC LIMIT 1""").param(code)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4))).optional();
    }

    private record Row(long id, int version, String hash, String publishedAs) {
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

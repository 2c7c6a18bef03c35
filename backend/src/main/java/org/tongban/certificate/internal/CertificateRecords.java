package org.tongban.certificate.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongban.certificate.Field;
import org.tongban.certificate.Holder;
import org.tongban.certificate.Text;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The tables {@code certificate} and {@code certificate_pdf}; rules live in the service. */
@Repository
class CertificateRecords {

    private static final String COLUMNS = """
            number, application_id, application_number, type, type_name_zh, type_name_en, issuer_department,
            holder_kind, holder_id, holder_name, holder_subject, data, issued_at, valid_until, status, revoked_at,
            revoked_by, revocation_reason, signature, key_id, verification_token""";

    // floats as BigDecimal, so a value reads back exactly as it was signed
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final JdbcClient jdbc;

    CertificateRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredCertificate> find(String number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM certificate WHERE number = ?").param(number)
                .query(this::row).optional();
    }

    Optional<StoredCertificate> ofApplication(String applicationId, String type) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM certificate WHERE application_id = ? AND type = ?")
                .params(applicationId, type).query(this::row).optional();
    }

    /**
     * Inserts the certificate, or — when one exists for the same application and type (or, very rarely, with the
     * same number) — counts the request on that row. Either way the caller's transaction then holds the row's
     * lock and sees the row through its own write, whatever its isolation level: a plain "insert, and on a
     * duplicate read the winner" would not see a row committed after the transaction's snapshot (repeatable
     * read), and a locking read after a duplicate-key error deadlocks between several losers.
     */
    void insertOrCount(StoredCertificate certificate) {
        jdbc.sql("""
                INSERT INTO certificate (number, application_id, application_number, type, type_name_zh, type_name_en,
                    issuer_department, holder_kind, holder_id, holder_name, holder_subject, data, issued_at,
                    valid_until, status, signature, key_id, verification_token, issue_requests, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'valid', ?, ?, ?, 1, 0)
                ON DUPLICATE KEY UPDATE issue_requests = issue_requests + 1""")
                .params(certificate.number(), certificate.applicationId(), certificate.applicationNumber(),
                        certificate.type(), certificate.typeName().zh(), certificate.typeName().en(),
                        certificate.issuerDepartment(), certificate.holder().kind().name(),
                        certificate.holder().idNumber(), certificate.holder().name(), certificate.holder().subject(),
                        writeFields(certificate.fields()), Timestamp.from(certificate.issuedAt()),
                        certificate.validUntil() == null ? null : Date.valueOf(certificate.validUntil()),
                        certificate.signature(), certificate.keyId(), certificate.verificationToken())
                .update();
    }

    /** A holder's certificates, newest first; only valid ones (not revoked, not past {@code today}) when asked. */
    List<StoredCertificate> heldBy(Holder.Kind kind, String idNumber, String type, LocalDate validOn) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM certificate WHERE holder_kind = ? AND holder_id = ?");
        List<Object> params = new ArrayList<>(List.of(kind.name(), idNumber));
        if (type != null) {
            sql.append(" AND type = ?");
            params.add(type);
        }
        if (validOn != null) {
            sql.append(" AND status = 'valid' AND (valid_until IS NULL OR valid_until >= ?)");
            params.add(Date.valueOf(validOn));
        }
        sql.append(" ORDER BY issued_at DESC, number DESC");
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    /** One page of the certificates issued by these departments, newest first, optionally matching {@code q}. */
    List<StoredCertificate> issuedBy(Collection<String> departments, String q, int page, int size) {
        Query query = issuedByQuery(departments, q);
        List<Object> params = new ArrayList<>(query.params());
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql("SELECT " + COLUMNS + " FROM certificate WHERE " + query.where()
                + " ORDER BY issued_at DESC, number DESC LIMIT ? OFFSET ?").params(params).query(this::row).list();
    }

    long countIssuedBy(Collection<String> departments, String q) {
        Query query = issuedByQuery(departments, q);
        return jdbc.sql("SELECT COUNT(*) FROM certificate WHERE " + query.where()).params(query.params())
                .query(Long.class).single();
    }

    private record Query(String where, List<Object> params) {
    }

    private static Query issuedByQuery(Collection<String> departments, String q) {
        StringBuilder where = new StringBuilder("issuer_department IN (")
                .append(String.join(", ", departments.stream().map(d -> "?").toList())).append(')');
        List<Object> params = new ArrayList<>(departments);
        if (q != null && !q.isBlank()) {
            String pattern = "%" + like(q.trim()) + "%";
            where.append(" AND (number LIKE ? ESCAPE '!' OR holder_name LIKE ? ESCAPE '!')");
            params.add(pattern.toUpperCase(Locale.ROOT));
            params.add(pattern);
        }
        return new Query(where.toString(), params);
    }

    private static String like(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Marks the certificate revoked unless it already is; false when it was. */
    boolean revoke(String number, Instant at, String by, String reason) {
        return jdbc.sql("""
                UPDATE certificate SET status = 'revoked', revoked_at = ?, revoked_by = ?, revocation_reason = ?,
                    version = version + 1
                WHERE number = ? AND status = 'valid'""")
                .params(Timestamp.from(at), by, reason, number).update() == 1;
    }

    /** The stored PDF of a certificate. */
    record Pdf(byte[] content, String sha256) {
    }

    Optional<Pdf> pdf(String number) {
        return jdbc.sql("SELECT content, sha256 FROM certificate_pdf WHERE number = ?").param(number)
                .query((rs, n) -> new Pdf(rs.getBytes(1), rs.getString(2))).optional();
    }

    /** The certificate whose stored PDF has this SHA-256, if any. */
    Optional<String> numberOfPdf(String sha256) {
        return jdbc.sql("SELECT number FROM certificate_pdf WHERE sha256 = ?").param(sha256).query(String.class)
                .list().stream().findFirst();
    }

    void insertPdf(String number, Pdf pdf, Instant at) {
        jdbc.sql("INSERT INTO certificate_pdf (number, content, sha256, created_at) VALUES (?, ?, ?, ?)")
                .params(number, pdf.content(), pdf.sha256(), Timestamp.from(at)).update();
    }

    int issueRequests(String applicationId, String type) {
        return jdbc.sql("SELECT issue_requests FROM certificate WHERE application_id = ? AND type = ?")
                .params(applicationId, type).query(Integer.class).single();
    }

    private StoredCertificate row(ResultSet rs, int n) throws SQLException {
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        Date validUntil = rs.getDate("valid_until");
        return new StoredCertificate(rs.getString("number"), rs.getString("application_id"),
                rs.getString("application_number"), rs.getString("type"),
                new Text(rs.getString("type_name_zh"), rs.getString("type_name_en")),
                rs.getString("issuer_department"),
                new Holder(Holder.Kind.valueOf(rs.getString("holder_kind")), rs.getString("holder_id"),
                        rs.getString("holder_name"), rs.getString("holder_subject")),
                readFields(rs.getString("data")), rs.getTimestamp("issued_at").toInstant(),
                validUntil == null ? null : validUntil.toLocalDate(), "revoked".equals(rs.getString("status")),
                revokedAt == null ? null : revokedAt.toInstant(), rs.getString("revoked_by"),
                rs.getString("revocation_reason"), rs.getString("signature"), rs.getString("key_id"),
                rs.getString("verification_token"));
    }

    // Fields are stored as [{code, label: {zh, en}, value}], dates as {"date": "yyyy-MM-dd"} so they read back as
    // dates (a field's value is never otherwise an object).
    static String writeFields(List<Field> fields) {
        List<Map<String, Object>> stored = new ArrayList<>();
        for (Field field : fields) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("code", field.code());
            Map<String, Object> label = new LinkedHashMap<>();
            label.put("zh", field.label().zh());
            label.put("en", field.label().en());
            entry.put("label", label);
            entry.put("value", encode(field.value()));
            stored.add(entry);
        }
        return JSON.writeValueAsString(stored);
    }

    @SuppressWarnings("unchecked")
    static List<Field> readFields(String json) {
        List<Map<String, Object>> stored = JSON.readValue(json, List.class);
        List<Field> fields = new ArrayList<>();
        for (Map<String, Object> entry : stored) {
            Map<String, Object> label = (Map<String, Object>) entry.get("label");
            fields.add(new Field((String) entry.get("code"),
                    new Text((String) label.get("zh"), (String) label.get("en")), decode(entry.get("value"))));
        }
        return List.copyOf(fields);
    }

    private static Object encode(Object value) {
        if (value instanceof LocalDate date) {
            return Map.of("date", date.toString());
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(CertificateRecords::encode).toList();
        }
        return value;
    }

    private static Object decode(Object value) {
        if (value instanceof Map<?, ?> map && map.get("date") instanceof String date) {
            return LocalDate.parse(date);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(CertificateRecords::decode).toList();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        return value;
    }
}

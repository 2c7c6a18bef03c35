package org.tongban.exchange.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongban.exchange.BoundRecord;
import org.tongban.exchange.SharedRecord;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The records bound to applications ({@code exchange_binding}), as they were when read or written. */
@Repository
class Bindings {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Bindings(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(String applicationId, BoundRecord bound) {
        SharedRecord record = bound.record();
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("label", record.label());
        snapshot.put("holder", record.department());
        snapshot.put("data", record.data());
        jdbc.sql("""
                INSERT INTO exchange_binding (application_id, dataset, record_key, origin, department, purpose, snapshot,
                    record_date, bound_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, record.dataset(), record.key(), bound.origin(), bound.department(), bound.purpose(),
                        json.writeValueAsString(snapshot),
                        record.recordedAt() == null ? null : Timestamp.from(record.recordedAt()),
                        Timestamp.from(bound.boundAt()))
                .update();
    }

    /** The newest binding of each dataset of an application. */
    List<BoundRecord> of(String applicationId) {
        Map<String, BoundRecord> newest = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT dataset, record_key, origin, department, purpose, snapshot, record_date, bound_at
                FROM exchange_binding WHERE application_id = ? ORDER BY bound_at, id""").param(applicationId)
                .query((rs, n) -> {
                    Map<String, Object> snapshot = json.readValue(rs.getString(6), MAP);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> data = (Map<String, Object>) snapshot.getOrDefault("data", Map.of());
                    Timestamp recorded = rs.getTimestamp(7);
                    SharedRecord record = new SharedRecord(rs.getString(1), rs.getString(2),
                            (String) snapshot.get("label"), data, (String) snapshot.get("holder"),
                            recorded == null ? null : recorded.toInstant());
                    return new BoundRecord(record, rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getTimestamp(8).toInstant());
                })
                .list().forEach(bound -> newest.put(bound.record().dataset(), bound));
        return List.copyOf(newest.values());
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

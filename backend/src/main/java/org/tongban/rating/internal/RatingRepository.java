package org.tongban.rating.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores ratings and rectifications; the rules are {@link RatingService}'s. */
@Repository
class RatingRepository {

    private static final String RATING = """
            SELECT id, application_id, application_number, scope, step, service_code, definition_version, department,
                rater, level, first_level, reasons, comment, first_rated_at, rated_at, changes, rerated, excluded,
                version FROM rating""";

    private static final String RECTIFICATION = """
            SELECT id, rating_id, application_id, application_number, service_code, definition_version, department,
                step, level, reasons, comment, opened_at, warn_at, due_at, status, answer_kind, answer, answered_by,
                answered_by_name, answered_at, dispute_decision, dispute_note, decided_by, decided_at, version
            FROM rectification""";

    private final JdbcClient jdbc;

    RatingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredRating(String id, String applicationId, String applicationNumber, String scope, String step,
            String serviceCode, int definitionVersion, String department, String rater, int level, int firstLevel,
            List<String> reasons, String comment, Instant firstRatedAt, Instant ratedAt, int changes, boolean rerated,
            boolean excluded, int version) {
    }

    record StoredRectification(String id, String ratingId, String applicationId, String applicationNumber,
            String serviceCode, int definitionVersion, String department, String step, int level,
            List<String> reasons, String comment, Instant openedAt, Instant warnAt, Instant dueAt, String status,
            String answerKind, String answer, String answeredBy, String answeredByName, Instant answeredAt,
            String disputeDecision, String disputeNote, String decidedBy, Instant decidedAt, int version) {
    }

    // ---------------------------------------------------------------- ratings

    List<StoredRating> ofApplication(String applicationId) {
        return jdbc.sql(RATING + " WHERE application_id = ? ORDER BY first_rated_at, id").param(applicationId)
                .query(RatingRepository::rating).list();
    }

    Optional<StoredRating> rating(String id) {
        return jdbc.sql(RATING + " WHERE id = ?").param(id).query(RatingRepository::rating).optional();
    }

    boolean exists(String applicationId, String scope) {
        return jdbc.sql("SELECT COUNT(*) FROM rating WHERE application_id = ? AND scope = ?")
                .params(applicationId, scope).query(Long.class).single() > 0;
    }

    void insert(StoredRating r) {
        jdbc.sql("""
                INSERT INTO rating (id, application_id, application_number, scope, step, service_code,
                    definition_version, department, rater, level, first_level, reasons, comment, first_rated_at,
                    rated_at, changes, rerated, excluded, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.applicationId(), r.applicationNumber(), r.scope(), r.step(), r.serviceCode(),
                        r.definitionVersion(), r.department(), r.rater(), r.level(), r.firstLevel(),
                        String.join(",", r.reasons()), r.comment(), ts(r.firstRatedAt()), ts(r.ratedAt()), r.changes(),
                        r.rerated(), r.excluded(), r.version())
                .update();
    }

    /** A changed rating, if nobody changed it meanwhile. */
    boolean update(StoredRating r, int expectedVersion) {
        return jdbc.sql("""
                UPDATE rating SET level = ?, reasons = ?, comment = ?, rated_at = ?, changes = ?, rerated = ?,
                    excluded = ?, version = ?
                WHERE id = ? AND version = ?""")
                .params(r.level(), String.join(",", r.reasons()), r.comment(), ts(r.ratedAt()), r.changes(),
                        r.rerated(), r.excluded(), r.version(), r.id(), expectedVersion)
                .update() == 1;
    }

    // ---------------------------------------------------------------- rectifications

    void insert(StoredRectification r) {
        jdbc.sql("""
                INSERT INTO rectification (id, rating_id, application_id, application_number, service_code,
                    definition_version, department, step, level, reasons, comment, opened_at, warn_at, due_at, status,
                    version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.ratingId(), r.applicationId(), r.applicationNumber(), r.serviceCode(),
                        r.definitionVersion(), r.department(), r.step(), r.level(), String.join(",", r.reasons()),
                        r.comment(), ts(r.openedAt()), ts(r.warnAt()), ts(r.dueAt()), r.status(), r.version())
                .update();
    }

    Optional<StoredRectification> rectification(String id) {
        return jdbc.sql(RECTIFICATION + " WHERE id = ?").param(id).query(RatingRepository::rectification).optional();
    }

    /** The latest rectification a rating opened. */
    Optional<StoredRectification> rectificationOf(String ratingId) {
        return jdbc.sql(RECTIFICATION + " WHERE rating_id = ? ORDER BY opened_at DESC, id").param(ratingId)
                .query(RatingRepository::rectification).list().stream().findFirst();
    }

    /** Answered or decided, if nobody changed it meanwhile. */
    boolean update(StoredRectification r, int expectedVersion) {
        return jdbc.sql("""
                UPDATE rectification SET status = ?, answer_kind = ?, answer = ?, answered_by = ?, answered_by_name = ?,
                    answered_at = ?, dispute_decision = ?, dispute_note = ?, decided_by = ?, decided_at = ?,
                    version = ?
                WHERE id = ? AND version = ?""")
                .params(r.status(), r.answerKind(), r.answer(), r.answeredBy(), r.answeredByName(),
                        ts(r.answeredAt()), r.disputeDecision(), r.disputeNote(), r.decidedBy(), ts(r.decidedAt()),
                        r.version(), r.id(), expectedVersion)
                .update() == 1;
    }

    /**
     * Rectifications of some departments (null: all), those waiting for someone first — overdue ones by how late,
     * then the rest by due date — then the answered ones, newest first.
     */
    Page<StoredRectification> rectifications(Collection<String> departments, String status, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (departments != null) {
            if (departments.isEmpty()) {
                return new Page<>(List.of(), 0);
            }
            where.append(" AND department IN (").append(String.join(", ", departments.stream().map(d -> "?").toList()))
                    .append(")");
            params.addAll(departments);
        }
        if (status != null) {
            where.append(" AND status = ?");
            params.add(status);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM rectification" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(size);
        paged.add(page * size);
        List<StoredRectification> items = jdbc.sql(RECTIFICATION + where
                        + " ORDER BY CASE WHEN status IN ('open', 'disputed') THEN 0 ELSE 1 END,"
                        + " CASE WHEN status IN ('open', 'disputed') THEN due_at END, opened_at DESC, id"
                        + " LIMIT ? OFFSET ?")
                .params(paged).query(RatingRepository::rectification).list();
        return new Page<>(items, total);
    }

    record Page<T>(List<T> items, long total) {
    }

    // ---------------------------------------------------------------- figures

    /** count, good, sum of levels of the counted ratings in [from, to). */
    long[] satisfaction(Collection<String> departments, String serviceCode, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("""
                SELECT COUNT(*), COALESCE(SUM(CASE WHEN level >= 3 THEN 1 ELSE 0 END), 0), COALESCE(SUM(level), 0)
                FROM rating WHERE excluded = FALSE AND rated_at >= ? AND rated_at < ?""");
        List<Object> params = new ArrayList<>(List.of(ts(from), ts(to)));
        if (departments != null) {
            if (departments.isEmpty()) {
                return new long[] {0, 0, 0};
            }
            sql.append(" AND department IN (").append(String.join(", ", departments.stream().map(d -> "?").toList()))
                    .append(")");
            params.addAll(departments);
        }
        if (serviceCode != null) {
            sql.append(" AND service_code = ?");
            params.add(serviceCode);
        }
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }

    /** open, overdue, disputed, answered (or closed). */
    long[] rectificationCounts(Collection<String> departments, String serviceCode, Instant now) {
        StringBuilder sql = new StringBuilder("""
                SELECT COALESCE(SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN status = 'open' AND due_at <= ? THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN status = 'disputed' THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN status IN ('answered', 'closed') THEN 1 ELSE 0 END), 0)
                FROM rectification WHERE 1 = 1""");
        List<Object> params = new ArrayList<>(List.of(ts(now)));
        if (departments != null) {
            if (departments.isEmpty()) {
                return new long[] {0, 0, 0, 0};
            }
            sql.append(" AND department IN (").append(String.join(", ", departments.stream().map(d -> "?").toList()))
                    .append(")");
            params.addAll(departments);
        }
        if (serviceCode != null) {
            sql.append(" AND service_code = ?");
            params.add(serviceCode);
        }
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    }

    // ---------------------------------------------------------------- mapping

    private static StoredRating rating(ResultSet rs, int n) throws SQLException {
        return new StoredRating(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getInt(11),
                list(rs.getString(12)), rs.getString(13), instant(rs.getTimestamp(14)), instant(rs.getTimestamp(15)),
                rs.getInt(16), rs.getBoolean(17), rs.getBoolean(18), rs.getInt(19));
    }

    private static StoredRectification rectification(ResultSet rs, int n) throws SQLException {
        return new StoredRectification(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getInt(9), list(rs.getString(10)),
                rs.getString(11), instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)),
                instant(rs.getTimestamp(14)), rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18),
                rs.getString(19), instant(rs.getTimestamp(20)), rs.getString(21), rs.getString(22), rs.getString(23),
                instant(rs.getTimestamp(24)), rs.getInt(25));
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

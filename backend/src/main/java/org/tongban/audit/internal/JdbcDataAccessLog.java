package org.tongban.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.audit.DataAccessLog;

/** The log in {@code personal_data_access}; written in the caller's transaction. */
@Component
class JdbcDataAccessLog implements DataAccessLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcDataAccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public void record(String applicationId, String actor, String actorName, String actorDepartment, String purpose,
            String step, List<String> fields) {
        jdbc.sql("""
                INSERT INTO personal_data_access (application_id, actor, actor_name, actor_department, purpose, step_id,
                    fields, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, actor, actorName, actorDepartment, purpose, step,
                        fields == null ? null : String.join(",", fields), Timestamp.from(clock.instant()))
                .update();
    }

    @Override
    public List<Access> of(String applicationId) {
        return jdbc.sql("""
                SELECT application_id, actor, actor_name, actor_department, purpose, step_id, fields, at
                FROM personal_data_access WHERE application_id = ? ORDER BY at, id""").param(applicationId)
                .query((rs, n) -> new Access(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }
}

package org.tongban.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.Department;
import org.tongban.identity.DepartmentRenamed;
import org.tongban.identity.Departments;

/** The department table. */
@Repository
class JdbcDepartments implements Departments {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    JdbcDepartments(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The list, remembered for two seconds (every catalogue visit names the departments); a rename here clears it. */
    private volatile Remembered remembered;

    private record Remembered(List<Department> all, long at) {
    }

    private static final long REMEMBER_NANOS = java.time.Duration.ofSeconds(2).toNanos();

    @Override
    public List<Department> all() {
        long now = System.nanoTime();
        Remembered current = remembered;
        if (current == null || now - current.at() >= REMEMBER_NANOS) {
            current = new Remembered(List.copyOf(jdbc.sql(
                    "SELECT code, name_zh, name_en FROM department ORDER BY sort_order, code")
                    .query(Department.class).list()), now);
            remembered = current;
        }
        return current.all();
    }

    @Override
    public Optional<Department> byCode(String code) {
        return jdbc.sql("SELECT code, name_zh, name_en FROM department WHERE code = ?")
                .param(code).query(Department.class).optional();
    }

    @Transactional
    boolean rename(String code, String nameZh, String nameEn, String by) {
        boolean renamed = jdbc.sql("""
                UPDATE department SET name_zh = ?, name_en = ?, updated_at = ?, updated_by = ?, version = version + 1
                WHERE code = ?""")
                .params(nameZh, nameEn, java.sql.Timestamp.from(Instant.now()), by, code)
                .update() == 1;
        remembered = null;
        if (renamed) {
            events.publishEvent(new DepartmentRenamed(code, nameZh, nameEn, by));
        }
        return renamed;
    }
}

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

    @Override
    public List<Department> all() {
        return jdbc.sql("SELECT code, name_zh, name_en FROM department ORDER BY sort_order, code")
                .query(Department.class).list();
    }

    @Override
    public Optional<Department> byCode(String code) {
        return jdbc.sql("SELECT code, name_zh, name_en FROM department WHERE code = ?")
                .param(code).query(Department.class).optional();
    }

    /** Adds a department at the end of the list; false when one of this code exists. */
    @Transactional
    boolean create(String code, String nameZh, String nameEn, String by) {
        if (byCode(code).isPresent()) {
            return false;
        }
        try {
            jdbc.sql("""
                    INSERT INTO department (code, name_zh, name_en, sort_order, updated_at, updated_by)
                    SELECT ?, ?, ?, COALESCE(MAX(sort_order), 0) + 10, ?, ? FROM department""")
                    .params(code, nameZh, nameEn, java.sql.Timestamp.from(Instant.now()), by).update();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    @Transactional
    boolean rename(String code, String nameZh, String nameEn, String by) {
        boolean renamed = jdbc.sql("""
                UPDATE department SET name_zh = ?, name_en = ?, updated_at = ?, updated_by = ?, version = version + 1
                WHERE code = ?""")
                .params(nameZh, nameEn, java.sql.Timestamp.from(Instant.now()), by, code)
                .update() == 1;
        if (renamed) {
            events.publishEvent(new DepartmentRenamed(code, nameZh, nameEn, by));
        }
        return renamed;
    }
}

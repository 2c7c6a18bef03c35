package org.tongban.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.identity.Official;
import org.tongban.identity.People;
import org.tongban.identity.Person;
import org.tongban.identity.Role;

/**
 * The person directory in the {@code person} and {@code person_department} tables. Officials are
 * recorded from their claims whenever they sign in or call the API; a small in-memory memo of what
 * was last written for each subject keeps that to one write per change instead of one per request.
 */
@Repository
class JdbcPeople implements People {

    private static final Logger log = LoggerFactory.getLogger(JdbcPeople.class);
    private static final int MEMO_SIZE = 10_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** subject -> the entry as last written or read; access-ordered, so the least recently seen go first. */
    private final Map<String, Entry> memo = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MEMO_SIZE;
        }
    };

    JdbcPeople(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What the directory stores of a person; compared to decide whether anything changed. */
    record Entry(String username, String displayName, String email, Set<Role> roles, Set<String> departments,
            Set<String> departmentRoles) {

        static Entry of(Person person) {
            return new Entry(person.username(), person.displayName(), person.email(),
                    person.roles().isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(person.roles())),
                    Set.copyOf(person.departments()), Set.copyOf(person.departmentRoles()));
        }
    }

    /**
     * Records an official (citizens and businesses are not recorded), or updates their entry when
     * their name, e-mail, roles or departments changed at the identity provider. Someone who lost every
     * official role keeps their entry (their name still explains old history) with the roles they have now,
     * so they are no longer offered as a clerk.
     *
     * @return whether the directory was written
     */
    boolean remember(Person person) {
        if (person.subject() == null) {
            return false;
        }
        Entry entry = Entry.of(person);
        synchronized (memo) {
            if (entry.equals(memo.get(person.subject()))) {
                return false;
            }
        }
        if (!Official.isOfficial(person) && !known(person.subject())) {
            return false;
        }
        boolean written;
        try {
            written = Boolean.TRUE.equals(transactions.execute(status -> write(person.subject(), entry)));
        } catch (DuplicateKeyException e) {
            // another request (or portal instance) recorded the same person at the same moment
            written = Boolean.TRUE.equals(transactions.execute(status -> write(person.subject(), entry)));
        }
        synchronized (memo) {
            memo.put(person.subject(), entry);
        }
        return written;
    }

    /** Records without ever failing the request that carried the claims: the directory is a convenience. */
    void rememberQuietly(Person person) {
        try {
            remember(person);
        } catch (DataAccessException | IllegalStateException e) {
            log.warn("Could not record {} in the person directory: {}", person.subject(), e.getMessage());
        }
    }

    private boolean known(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE subject = ?").param(subject).query(Long.class).single() > 0;
    }

    private boolean write(String subject, Entry entry) {
        Optional<Official> stored = find(subject);
        if (stored.isPresent() && entry.equals(entryOf(stored.get(), departmentRoles(subject)))) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        String roles = entry.roles().stream().map(Role::code).sorted().collect(Collectors.joining(","));
        String departmentRoles = entry.departmentRoles().isEmpty() ? null
                : String.join(",", new TreeSet<>(entry.departmentRoles()));
        if (departmentRoles != null && departmentRoles.length() > 1000) {
            departmentRoles = departmentRoles.substring(0, departmentRoles.lastIndexOf(',', 1000));
        }
        if (stored.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO person (subject, username, display_name, email, roles, department_roles, first_seen_at,
                        updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(subject, cut(entry.username()), cut(displayName(entry)), cut(entry.email()), roles,
                            departmentRoles, now, now)
                    .update();
        } else {
            jdbc.sql("""
                    UPDATE person SET username = ?, display_name = ?, email = ?, roles = ?, department_roles = ?,
                        updated_at = ? WHERE subject = ?""")
                    .params(cut(entry.username()), cut(displayName(entry)), cut(entry.email()), roles, departmentRoles,
                            now, subject)
                    .update();
            jdbc.sql("DELETE FROM person_department WHERE subject = ?").param(subject).update();
        }
        for (String department : new TreeSet<>(entry.departments())) {
            jdbc.sql("INSERT INTO person_department (subject, department) VALUES (?, ?)").params(subject, department)
                    .update();
        }
        return true;
    }

    private static String displayName(Entry entry) {
        return entry.displayName() != null ? entry.displayName() : entry.username();
    }

    private static String cut(String value) {
        return value == null || value.length() <= 200 ? value : value.substring(0, 200);
    }

    private static Entry entryOf(Official official, Set<String> departmentRoles) {
        return new Entry(official.username(), official.displayName(), official.email(), official.roles(),
                Set.copyOf(official.departments()), departmentRoles);
    }

    /** The department roles the identity provider gave the official at their latest sign-in ({@code department:role}). */
    Set<String> departmentRoles(String subject) {
        String stored = jdbc.sql("SELECT department_roles FROM person WHERE subject = ?").param(subject)
                .query(String.class).optional().orElse(null);
        return stored == null || stored.isBlank() ? Set.of() : Set.of(stored.split(","));
    }

    @Override
    public Optional<Official> find(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        List<String> departments = jdbc.sql("SELECT department FROM person_department WHERE subject = ? ORDER BY department")
                .param(subject).query(String.class).list();
        return jdbc.sql("""
                SELECT subject, username, display_name, email, roles, first_seen_at, updated_at FROM person
                WHERE subject = ?""").param(subject)
                .query((rs, n) -> official(rs, departments)).optional();
    }

    @Override
    public Map<String, String> displayNames(Collection<String> subjects) {
        List<String> wanted = subjects.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
        Map<String, String> names = new LinkedHashMap<>();
        // in slices, so a long history never builds an enormous IN list
        for (int from = 0; from < wanted.size(); from += 100) {
            List<String> slice = wanted.subList(from, Math.min(wanted.size(), from + 100));
            String placeholders = String.join(", ", slice.stream().map(s -> "?").toList());
            jdbc.sql("SELECT subject, display_name FROM person WHERE subject IN (" + placeholders + ")")
                    .params(new ArrayList<Object>(slice))
                    .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
        }
        return names;
    }

    @Override
    public List<Official> inDepartment(String department, Role role) {
        List<Official> members = jdbc.sql("""
                SELECT p.subject, p.username, p.display_name, p.email, p.roles, p.first_seen_at, p.updated_at
                FROM person p JOIN person_department d ON d.subject = p.subject
                WHERE d.department = ? ORDER BY p.display_name, p.subject""").param(department)
                .query((rs, n) -> official(rs, List.of())).list();
        List<Official> result = new ArrayList<>();
        for (Official member : members) {
            if (member.hasRole(role)) {
                result.add(find(member.subject()).orElse(member));
            }
        }
        return result;
    }

    private static Official official(java.sql.ResultSet rs, List<String> departments) throws java.sql.SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String code : rs.getString(5).split(",")) {
            Role.fromCode(code.trim()).ifPresent(roles::add);
        }
        return new Official(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), roles, departments,
                instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

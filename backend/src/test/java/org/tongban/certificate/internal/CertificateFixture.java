package org.tongban.certificate.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.audit.DataAccessLog;
import org.tongban.audit.DataUse;
import org.tongban.certificate.Field;
import org.tongban.certificate.Holder;
import org.tongban.certificate.IssueRequest;
import org.tongban.certificate.IssuedCertificate;
import org.tongban.certificate.Text;
import org.tongban.identity.Department;
import org.tongban.identity.Departments;
import org.tongban.identity.Person;
import org.tongban.identity.Role;

/**
 * The certificate module on its own: an in-memory H2 database migrated by the real Flyway scripts, a keys file in
 * a temporary folder, a clock the test moves, published events and audit records collected. (The Spring wiring,
 * the REST API and MariaDB are covered by {@code CertificateJourneyIT}.)
 */
final class CertificateFixture {

    static final String ZHANGSAN = "110105199003071239";
    static final String TONGDA = "91330106MA2GL5XK00";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z")); // 09:00 in Beijing
    final List<Object> events = new CopyOnWriteArrayList<>();
    final List<DataUse> audit = new CopyOnWriteArrayList<>();
    final JdbcDataSource dataSource;
    final JdbcClient jdbc;
    final TransactionTemplate transactions;
    final Path folder;
    final CertificateRecords records;
    final CertificatePdf pdf;
    SigningKeys keys;
    Seals seals;
    CertificateService service;
    Verifier verifier;

    CertificateFixture() {
        this(new CertificatePdf());
    }

    CertificateFixture(CertificatePdf pdf) {
        this.pdf = pdf;
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).placeholders(Map.of("uuid_type", "UUID")).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        records = new CertificateRecords(jdbc);
        try {
            folder = Files.createTempDirectory("tongban-certificates");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start(new CertificateProperties("", ""));
    }

    /** (Re)starts the module as a portal node would, with these key settings. */
    void start(CertificateProperties properties) {
        keys = new SigningKeys(properties, folder.toString(), jdbc, transactions, clock);
        seals = new Seals(keys);
        MockEnvironment environment = new MockEnvironment().withProperty("tongban.public-url", "https://tongban.example");
        service = new CertificateService(records, seals, pdf, new PublicAddress(environment), DEPARTMENTS,
                new DataAccessLog() {
                    @Override
                    public void record(DataUse use) {
                        audit.add(use);
                    }

                    @Override
                    public List<Recorded> ofApplication(String applicationId) {
                        return List.of();
                    }

                    @Override
                    public List<Recorded> ofOwner(String nationalId, String subject, String enterprise, Instant from,
                            Instant to, String department, int limit) {
                        return List.of();
                    }
                }, events::add, new DataSourceTransactionManager(dataSource), clock);
        verifier = new Verifier(seals, records, DEPARTMENTS, clock);
    }

    static final Departments DEPARTMENTS = new Departments() {
        private final List<Department> all = List.of(new Department("education", "教育局", "Education Bureau"),
                new Department("health", "卫生健康委员会", "Health Commission"),
                new Department("market-regulation", "市场监督管理局", "Administration for Market Regulation"));

        @Override
        public List<Department> all() {
            return all;
        }

        @Override
        public Optional<Department> byCode(String code) {
            return all.stream().filter(d -> d.code().equals(code)).findFirst();
        }
    };

    /** An enrolment notice for 张三's child, issued by education. */
    static IssueRequest enrolment(String applicationId) {
        return new IssueRequest(applicationId, "20260302-7KQ2M9", "enrolment-notice",
                new Text("义务教育入学通知书", "Compulsory education enrolment notice"), "education",
                Holder.person(ZHANGSAN, "张三", "subject-zhangsan"),
                List.of(new Field("childName", new Text("儿童姓名", "Child's name"), "张小明"),
                        new Field("childBirthDate", new Text("出生日期", "Date of birth"), LocalDate.of(2019, 6, 1)),
                        new Field("school", new Text("入学学校", "School"), "北京市西城区实验小学"),
                        new Field("grade", new Text("年级", "Grade"), 1),
                        new Field("boarding", new Text("寄宿", "Boarding"), false)),
                LocalDate.of(2026, 9, 30));
    }

    /** A food business licence for 杭州通达科技有限公司, without expiry. */
    static IssueRequest licence(String applicationId) {
        return new IssueRequest(applicationId, "20260302-9XH2PQ", "food-business-licence",
                new Text("食品经营许可证", "Food business licence"), "market-regulation",
                Holder.enterprise(TONGDA, "杭州通达科技有限公司", "subject-wangwu"),
                List.of(new Field("premises", new Text("经营场所", "Premises"), "杭州市西湖区文三路 90 号"),
                        new Field("categories", new Text("经营项目", "Business categories"),
                                List.of("预包装食品销售", "热食类食品制售")),
                        new Field("area", new Text("经营面积（平方米）", "Area (m²)"), new java.math.BigDecimal("120.50"))),
                null);
    }

    IssuedCertificate issue(IssueRequest request) {
        return transactions.execute(status -> service.issue(request));
    }

    Optional<IssuedCertificate> byNumber(String number) {
        return transactions.execute(status -> service.byNumber(number));
    }

    /** An administrator of a department. */
    static Person admin(String department) {
        return new Person("subject-" + department + "-admin", department + "-admin", "管理员", null,
                Set.of(Role.DEPT_ADMIN), List.of(department), Optional.empty(), Optional.empty());
    }

    StoredCertificate revoke(String number) {
        String department = stored(number).issuerDepartment();
        return transactions.execute(status -> service.revoke(admin(department), number, "信息有误，重新办理"));
    }

    StoredCertificate stored(String number) {
        return records.find(number).orElseThrow();
    }

    <T> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            MutableClock outer = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return outer.withZone(other);
                }

                @Override
                public Instant instant() {
                    return outer.instant();
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

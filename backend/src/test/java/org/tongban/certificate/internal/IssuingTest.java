package org.tongban.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.tongban.certificate.CertificateIssued;
import org.tongban.certificate.CertificateProblem;
import org.tongban.certificate.Field;
import org.tongban.certificate.Holder;
import org.tongban.certificate.IssueRequest;
import org.tongban.certificate.IssuedCertificate;
import org.tongban.certificate.Text;
import org.tongban.shared.DomainException;

/** Issuing: once per application and type, whoever asks and however often; what a holder has stays findable. */
class IssuingTest {

    private final CertificateFixture fixture = new CertificateFixture();

    @Test
    void issuesACertificateWithItsFieldsAndAnnouncesIt() {
        IssuedCertificate issued = fixture.issue(CertificateFixture.enrolment("application-1"));

        assertThat(issued.number()).matches("TB-20260302-[2-9A-HJKMNP-TV-Z]{8}");
        assertThat(issued.status()).isEqualTo(IssuedCertificate.Status.VALID);
        assertThat(issued.holder().name()).isEqualTo("张三");
        assertThat(issued.fields()).extracting(Field::value)
                .containsExactly("张小明", LocalDate.of(2019, 6, 1), "北京市西城区实验小学", 1, false);
        assertThat(fixture.events(CertificateIssued.class)).singleElement().satisfies(event -> {
            assertThat(event.number()).isEqualTo(issued.number());
            assertThat(event.applicationNumber()).isEqualTo("20260302-7KQ2M9");
            assertThat(event.holder().idNumber()).isEqualTo(CertificateFixture.ZHANGSAN);
        });
        assertThat(fixture.byNumber(issued.number())).contains(issued);
    }

    @Test
    void aRetryAnswersTheCertificateAlreadyIssuedAndIssuesNothing() {
        IssuedCertificate first = fixture.issue(CertificateFixture.enrolment("application-1"));
        IssuedCertificate again = fixture.issue(CertificateFixture.enrolment("application-1"));
        IssuedCertificate sameTransaction = fixture.transactions.execute(status -> {
            fixture.service.issue(CertificateFixture.enrolment("application-2"));
            return fixture.service.issue(CertificateFixture.enrolment("application-2"));
        });

        assertThat(again).isEqualTo(first);
        assertThat(sameTransaction.applicationId()).isEqualTo("application-2");
        assertThat(fixture.jdbc.sql("SELECT COUNT(*) FROM certificate").query(Long.class).single()).isEqualTo(2);
        assertThat(fixture.events(CertificateIssued.class)).hasSize(2);
    }

    @Test
    void anotherTypeForTheSameApplicationIsAnotherCertificate() {
        IssueRequest enrolment = CertificateFixture.enrolment("application-1");
        IssuedCertificate first = fixture.issue(enrolment);
        IssuedCertificate other = fixture.issue(new IssueRequest("application-1", enrolment.applicationNumber(),
                "school-place-confirmation", new Text("学位确认书", "School place confirmation"), "education",
                enrolment.holder(), enrolment.fields(), null));

        assertThat(other.number()).isNotEqualTo(first.number());
    }

    @Test
    void exactlyOneOfSixteenSimultaneousIssuesIssues() throws Exception {
        int threads = 16;
        for (int round = 0; round < 5; round++) {
            String application = "concurrent-" + round;
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<IssuedCertificate>> calls = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    Callable<IssuedCertificate> call = () -> {
                        start.await(30, TimeUnit.SECONDS);
                        return fixture.issue(CertificateFixture.enrolment(application));
                    };
                    calls.add(pool.submit(call));
                }
                Set<String> numbers = ConcurrentHashMap.newKeySet();
                for (Future<IssuedCertificate> call : calls) {
                    numbers.add(call.get(60, TimeUnit.SECONDS).number());
                }
                assertThat(numbers).as("every caller answers the same certificate").hasSize(1);
                assertThat(fixture.jdbc.sql("SELECT COUNT(*) FROM certificate WHERE application_id = ?")
                        .param(application).query(Long.class).single()).isEqualTo(1);
                assertThat(fixture.records.issueRequests(application, "enrolment-notice")).isEqualTo(threads);
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(fixture.events(CertificateIssued.class)).hasSize(5);
    }

    @Test
    void refusesARequestWithoutWhatACertificateNeeds() {
        IssueRequest good = CertificateFixture.enrolment("application-1");
        IssueRequest noHolder = new IssueRequest("application-1", null, good.type(), good.typeName(),
                good.issuerDepartment(), new Holder(Holder.Kind.PERSON, null, "张三", null), good.fields(), null);
        IssueRequest sameFieldTwice = new IssueRequest("application-1", null, good.type(), good.typeName(),
                good.issuerDepartment(), good.holder(), List.of(good.fields().get(0), good.fields().get(0)), null);
        IssueRequest strangeValue = new IssueRequest("application-1", null, good.type(), good.typeName(),
                good.issuerDepartment(), good.holder(), List.of(new Field("x", new Text("某项", "X"), new Object())),
                null);

        for (IssueRequest request : List.of(noHolder, sameFieldTwice, strangeValue)) {
            assertThatThrownBy(() -> fixture.issue(request)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.code()).isEqualTo(CertificateProblem.INVALID_ISSUE_REQUEST));
        }
        assertThat(fixture.jdbc.sql("SELECT COUNT(*) FROM certificate").query(Long.class).single()).isZero();
    }

    @Test
    void aHolderHoldsTheirValidCertificatesOfAType_newestFirst() {
        IssuedCertificate older = fixture.issue(CertificateFixture.enrolment("application-1"));
        fixture.clock.advance(Duration.ofDays(1));
        IssuedCertificate newer = fixture.issue(CertificateFixture.enrolment("application-2"));
        fixture.issue(CertificateFixture.licence("application-3"));
        Holder zhangsan = Holder.person(CertificateFixture.ZHANGSAN, null, null);

        assertThat(fixture.service.heldBy(zhangsan, "enrolment-notice")).extracting(IssuedCertificate::number)
                .containsExactly(newer.number(), older.number());
        assertThat(fixture.service.heldBy(Holder.enterprise(CertificateFixture.TONGDA, null, null),
                "food-business-licence")).hasSize(1);
        assertThat(fixture.service.heldBy(Holder.person("310115198511124566", null, null), "enrolment-notice"))
                .isEmpty();

        // a revoked one is no longer held; an expired one neither
        fixture.revoke(newer.number());
        assertThat(fixture.service.heldBy(zhangsan, "enrolment-notice")).extracting(IssuedCertificate::number)
                .containsExactly(older.number());
        fixture.clock.advance(Duration.ofDays(365));
        assertThat(fixture.service.heldBy(zhangsan, "enrolment-notice")).isEmpty();
        assertThat(fixture.byNumber(older.number()).orElseThrow().status()).isEqualTo(IssuedCertificate.Status.EXPIRED);
        assertThat(fixture.byNumber(newer.number()).orElseThrow().status()).isEqualTo(IssuedCertificate.Status.REVOKED);
        assertThat(fixture.service.heldBy(Holder.enterprise(CertificateFixture.TONGDA, null, null),
                "food-business-licence")).as("no expiry").hasSize(1);
    }

    @Test
    void valuesReadBackAsTheyWereIssued() {
        IssuedCertificate licence = fixture.issue(CertificateFixture.licence("application-1"));

        assertThat(fixture.byNumber(licence.number()).orElseThrow().fields()).extracting(Field::value)
                .containsExactly("杭州市西湖区文三路 90 号", List.of("预包装食品销售", "热食类食品制售"),
                        new java.math.BigDecimal("120.50"));
        assertThat(fixture.byNumber("no such number")).isEmpty();
    }
}

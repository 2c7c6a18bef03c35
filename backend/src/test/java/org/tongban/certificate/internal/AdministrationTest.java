package org.tongban.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tongban.audit.DataUse;
import org.tongban.certificate.CertificateProblem;
import org.tongban.certificate.CertificateRevoked;
import org.tongban.certificate.IssuedCertificate;
import org.tongban.identity.Enterprise;
import org.tongban.identity.Person;
import org.tongban.identity.ResidentIdNumber;
import org.tongban.identity.Role;
import org.tongban.identity.UnifiedSocialCreditCode;
import org.tongban.shared.DomainException;

/**
 * The holder's wallet and the issuing department's side: only the holder sees a certificate; only an
 * administrator of the issuing department revokes one, once, with a reason the holder is told; every
 * certificate an administrator is shown is recorded.
 */
class AdministrationTest {

    private final CertificateFixture fixture = new CertificateFixture();

    private static Person citizen(String nationalId) {
        return new Person("subject-" + nationalId, "citizen", "张三", null, Set.of(Role.CITIZEN), List.of(),
                ResidentIdNumber.parse(nationalId), Optional.empty());
    }

    private static Person business() {
        return new Person("subject-wangwu", "wangwu", "王五", null, Set.of(Role.BUSINESS), List.of(),
                ResidentIdNumber.parse("330106198805217896"), UnifiedSocialCreditCode.parse(CertificateFixture.TONGDA)
                        .map(uscc -> new Enterprise("杭州通达科技有限公司", uscc)));
    }

    private static void refused(Runnable action, CertificateProblem problem) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(problem));
    }

    @Test
    void aCitizenHoldsTheirOwn_aBusinessUserTheEnterprises() {
        IssuedCertificate enrolment = fixture.issue(CertificateFixture.enrolment("application-1"));
        IssuedCertificate licence = fixture.issue(CertificateFixture.licence("application-2"));

        assertThat(fixture.service.wallet(citizen(CertificateFixture.ZHANGSAN))).extracting(StoredCertificate::number)
                .containsExactly(enrolment.number());
        assertThat(fixture.service.wallet(business())).extracting(StoredCertificate::number)
                .containsExactly(licence.number());
        assertThat(fixture.service.wallet(citizen("310115198511124566"))).isEmpty();
        assertThat(fixture.service.held(citizen(CertificateFixture.ZHANGSAN), enrolment.number()).number())
                .isEqualTo(enrolment.number());
        refused(() -> fixture.service.held(citizen("310115198511124566"), enrolment.number()),
                CertificateProblem.NOT_FOUND);
        refused(() -> fixture.service.held(business(), enrolment.number()), CertificateProblem.NOT_FOUND);
        refused(() -> fixture.service.held(CertificateFixture.admin("education"), enrolment.number()),
                CertificateProblem.NOT_FOUND);
        refused(() -> fixture.service.held(citizen(CertificateFixture.ZHANGSAN), "../etc/passwd"),
                CertificateProblem.NOT_FOUND);
    }

    @Test
    void theIssuingDepartmentRevokesOnceWithAReasonTheHolderHears() {
        IssuedCertificate issued = fixture.issue(CertificateFixture.enrolment("application-1"));
        Person education = CertificateFixture.admin("education");

        refused(() -> revoke(CertificateFixture.admin("health"), issued.number(), "理由"),
                CertificateProblem.NOT_ISSUER);
        refused(() -> revoke(new Person("clerk", "edu-clerk", "赵敏", null, Set.of(Role.CLERK),
                List.of("education"), Optional.empty(), Optional.empty()), issued.number(), "理由"),
                CertificateProblem.NOT_ISSUER);
        refused(() -> revoke(education, issued.number(), "  "), CertificateProblem.REASON_REQUIRED);
        refused(() -> revoke(education, issued.number(), "长".repeat(501)), CertificateProblem.REASON_REQUIRED);
        refused(() -> revoke(education, "TB-20260302-NOSUCHNO", "理由"), CertificateProblem.NOT_FOUND);
        assertThat(fixture.events(CertificateRevoked.class)).isEmpty();

        StoredCertificate revoked = revoke(education, issued.number(), " 学校信息有误 ");

        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.revokedBy()).isEqualTo(education.subject());
        assertThat(revoked.revocationReason()).isEqualTo("学校信息有误");
        assertThat(fixture.events(CertificateRevoked.class)).singleElement().satisfies(event -> {
            assertThat(event.number()).isEqualTo(issued.number());
            assertThat(event.reason()).isEqualTo("学校信息有误");
            assertThat(event.holder().idNumber()).isEqualTo(CertificateFixture.ZHANGSAN);
            assertThat(event.issuerDepartment()).isEqualTo("education");
        });
        refused(() -> revoke(education, issued.number(), "再次"), CertificateProblem.ALREADY_REVOKED);
        assertThat(fixture.events(CertificateRevoked.class)).hasSize(1);
    }

    @Test
    void anAdministratorSeesTheDepartmentsCertificates_eachOneShownRecorded() {
        fixture.issue(CertificateFixture.enrolment("application-1"));
        fixture.issue(CertificateFixture.enrolment("application-2"));
        IssuedCertificate licence = fixture.issue(CertificateFixture.licence("application-3"));
        Person education = CertificateFixture.admin("education");

        CertificateService.AdminPage page = fixture.transactions
                .execute(status -> fixture.service.issued(education, null, 0, 1));
        assertThat(page.items()).hasSize(1);
        assertThat(page.total()).isEqualTo(2);
        assertThat(fixture.audit).singleElement().satisfies(use -> {
            assertThat(use.kind()).isEqualTo(DataUse.Kind.CERTIFICATE_LOOKUP);
            assertThat(use.owner().person()).isEqualTo(CertificateFixture.ZHANGSAN);
            assertThat(use.actor()).isEqualTo(education.subject());
            assertThat(use.actorDepartment()).isEqualTo("education");
            assertThat(use.applicationId()).isEqualTo(page.items().get(0).applicationId());
        });

        fixture.transactions.execute(status -> fixture.service.issued(education, "张", 0, 20));
        assertThat(fixture.audit).hasSize(3);
        assertThat(fixture.transactions.execute(status -> fixture.service.issued(education, "100%_!", 0, 20))
                .items()).isEmpty();
        assertThat(fixture.transactions.execute(status -> fixture.service.issued(
                CertificateFixture.admin("market-regulation"), licence.number().toLowerCase(), 0, 20)).items())
                .extracting(StoredCertificate::number).containsExactly(licence.number());
        assertThat(fixture.audit.get(fixture.audit.size() - 1).owner().enterprise()).isEqualTo(CertificateFixture.TONGDA);
        refused(() -> fixture.transactions.execute(status -> fixture.service.lookUp(education, licence.number())),
                CertificateProblem.NOT_ISSUER);
    }

    private StoredCertificate revoke(Person admin, String number, String reason) {
        return fixture.transactions.execute(status -> fixture.service.revoke(admin, number, reason));
    }
}

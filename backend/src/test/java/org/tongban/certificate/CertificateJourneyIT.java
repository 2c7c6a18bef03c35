package org.tongban.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.support.Browserless;
import org.tongban.support.Browserless.Page;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * E-certificates end to end: issued through the {@link Certificates} bean in a transaction, as the application
 * module will; the holder lists, opens and downloads them (a citizen their own, a business user the
 * enterprise's), nobody else even learns they exist; anyone verifies the QR code or a copy without signing in;
 * the issuing department revokes (another department may not), and verification says so. Exactly one certificate
 * when sixteen callers issue at once; every certificate an administrator is shown is in the audit log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tongban.data-dir=./target/it-data/embedded")
class CertificateJourneyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "Demo@2026";
    private static final String ZHANGSAN = "110105199003071239";
    private static final String TONGDA = "91330106MA2GL5XK00";

    @LocalServerPort
    int port;

    @Autowired
    Certificates certificates;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient jdbc;

    private Browserless signedIn(String user) {
        Browserless browser = new Browserless("http://localhost:" + port);
        browser.signIn(user, PASSWORD);
        browser.get("/api/v1/me");
        return browser;
    }

    private Browserless anonymous() {
        return new Browserless("http://localhost:" + port);
    }

    private IssuedCertificate issue(IssueRequest request) {
        return new TransactionTemplate(transactionManager).execute(status -> certificates.issue(request));
    }

    private static IssueRequest birthCertificate(String applicationId) {
        return birthCertificate(applicationId, "张三");
    }

    private static IssueRequest birthCertificate(String applicationId, String holderName) {
        return new IssueRequest(applicationId, "20260302-" + applicationId.substring(0, 6).toUpperCase(),
                "birth-medical-certificate", new Text("出生医学证明", "Birth medical certificate"), "health",
                Holder.person(ZHANGSAN, holderName, null),
                List.of(new Field("babyName", new Text("新生儿姓名", "Baby's name"), "张小宝"),
                        new Field("birthDate", new Text("出生日期", "Date of birth"), LocalDate.of(2026, 2, 20)),
                        new Field("weightGrams", new Text("出生体重（克）", "Weight at birth (g)"), 3350)),
                null);
    }

    private static IssueRequest businessLicence(String applicationId) {
        return new IssueRequest(applicationId, null, "business-licence", new Text("营业执照", "Business licence"),
                "market-regulation", Holder.enterprise(TONGDA, "杭州通达科技有限公司", null),
                List.of(new Field("legalRepresentative", new Text("法定代表人", "Legal representative"), "王五"),
                        new Field("businessScope", new Text("经营范围", "Business scope"),
                                List.of("软件开发", "信息技术咨询服务"))),
                LocalDate.of(2046, 3, 1));
    }

    private static JsonNode json(Page page) {
        return JSON.readTree(page.body());
    }

    /** The body as bytes (the scripted browser reads text), with the session of the given browser. */
    private HttpResponse<byte[]> download(Browserless browser, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        String session = browser.cookie("TONGBAN_SESSION");
        if (session != null) {
            request.header("Cookie", "TONGBAN_SESSION=" + session);
        }
        return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aCitizenSeesTheirCertificate_downloadsItsPdf_andNobodyElseLearnsItExists() throws Exception {
        IssuedCertificate issued = issue(birthCertificate(UUID.randomUUID().toString()));
        Browserless zhangsan = signedIn("zhangsan");

        JsonNode wallet = json(zhangsan.get("/api/v1/certificates"));
        JsonNode summary = wallet.valueStream().filter(c -> c.path("number").asString().equals(issued.number()))
                .findFirst().orElseThrow();
        assertThat(summary.path("typeName").path("zh").asString()).isEqualTo("出生医学证明");
        assertThat(summary.path("issuer").path("nameZh").asString()).isNotBlank();
        assertThat(summary.path("status").asString()).isEqualTo("valid");

        Page detail = zhangsan.get("/api/v1/certificates/" + issued.number());
        assertThat(detail.status()).isEqualTo(200);
        JsonNode certificate = json(detail);
        assertThat(certificate.path("fields").valueStream().map(f -> f.path("label").path("zh").asString()).toList())
                .containsExactly("新生儿姓名", "出生日期", "出生体重（克）");
        assertThat(certificate.path("fields").get(1).path("value").asString()).isEqualTo("2026-02-20");
        assertThat(certificate.path("verificationUrl").asString())
                .isEqualTo("http://localhost:" + port + "/verify#t=" + certificate.path("verificationToken").asString());

        HttpResponse<byte[]> pdf = download(zhangsan, "/api/v1/certificates/" + issued.number() + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                .contains(issued.number() + ".pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(download(zhangsan, "/api/v1/certificates/" + issued.number() + "/pdf").body())
                .as("the same bytes at every download").isEqualTo(pdf.body());
        assertThat(zhangsan.get("/api/v1/certificates/" + issued.number() + "/qr").header("Content-Type"))
                .startsWith("image/svg+xml");

        Browserless lisi = signedIn("lisi");
        for (String path : List.of("", "/pdf", "/qr")) {
            Page refused = lisi.get("/api/v1/certificates/" + issued.number() + path);
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(lisi.get("/api/v1/certificates/TB-20260302-NOSUCHNO").status()).isEqualTo(404);
        assertThat(json(lisi.get("/api/v1/certificates")).valueStream().map(c -> c.path("number").asString()))
                .doesNotContain(issued.number());
        assertThat(anonymous().get("/api/v1/certificates").status()).isEqualTo(401);
        assertThat(download(anonymous(), "/api/v1/certificates/" + issued.number() + "/pdf").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aBusinessUserSeesTheEnterprisesCertificates() {
        IssuedCertificate licence = issue(businessLicence(UUID.randomUUID().toString()));

        assertThat(json(signedIn("wangwu").get("/api/v1/certificates")).valueStream()
                .map(c -> c.path("number").asString())).contains(licence.number());
        assertThat(json(signedIn("zhangsan").get("/api/v1/certificates")).valueStream()
                .map(c -> c.path("number").asString())).doesNotContain(licence.number());
        assertThat(certificates.heldBy(Holder.enterprise(TONGDA, null, null), "business-licence"))
                .extracting(IssuedCertificate::number).contains(licence.number());
    }

    @Test
    void anyoneVerifiesTheQrCodeWithoutSigningIn_andSeesTheHolderMasked() {
        IssuedCertificate issued = issue(birthCertificate(UUID.randomUUID().toString()));
        String token = json(signedIn("zhangsan").get("/api/v1/certificates/" + issued.number()))
                .path("verificationToken").asString();

        Page verified = anonymous().json("POST", "/api/v1/certificates/verification",
                "{\"token\":\"" + token + "\"}", false);

        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        JsonNode result = json(verified);
        assertThat(result.path("outcome").asString()).isEqualTo("valid");
        assertThat(result.path("holderName").asString()).isEqualTo("张*");
        assertThat(result.path("number").asString()).isEqualTo(issued.number());
        assertThat(result.path("issuer").path("code").asString()).isEqualTo("health");
        assertThat(verified.body()).doesNotContain(ZHANGSAN, "张三", "张小宝");

        String changed = token.substring(0, 40) + (token.charAt(40) == 'A' ? 'B' : 'A') + token.substring(41);
        assertThat(json(anonymous().json("POST", "/api/v1/certificates/verification",
                "{\"token\":\"" + changed + "\"}", false)).path("outcome").asString()).isEqualTo("not-genuine");
        Page noToken = anonymous().json("POST", "/api/v1/certificates/verification", "{}", false);
        assertThat(noToken.status()).isEqualTo(400);
        assertThat(noToken.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous().get("/api/v1/certificates/verification/keys").body()).contains("\"kty\":\"EC\"")
                .doesNotContain("\"d\"");
    }

    @Test
    void theIssuingDepartmentRevokes_anotherMayNot_andVerificationSaysRevoked() throws Exception {
        IssuedCertificate issued = issue(birthCertificate(UUID.randomUUID().toString()));
        String path = "/api/v1/certificate-admin/certificates/" + issued.number() + "/revocation";
        String token = json(signedIn("zhangsan").get("/api/v1/certificates/" + issued.number()))
                .path("verificationToken").asString();

        Page otherDepartment = signedIn("edu-admin").json("POST", path, "{\"reason\":\"不是我们签发的\"}", true);
        assertThat(otherDepartment.status()).isEqualTo(403);
        assertThat(json(otherDepartment).path("type").asString()).isEqualTo("urn:tongban:problem:certificate-not-issuer");
        assertThat(signedIn("health-clerk").json("POST", path, "{\"reason\":\"x\"}", true).status()).isEqualTo(403);
        assertThat(signedIn("zhangsan").json("POST", path, "{\"reason\":\"x\"}", true).status()).isEqualTo(403);

        Browserless health = signedIn("health-admin");
        Page noReason = health.json("POST", path, "{\"reason\":\"  \"}", true);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(json(noReason).path("type").asString()).isEqualTo("urn:tongban:problem:certificate-reason-required");
        assertThat(health.json("POST", "/api/v1/certificate-admin/certificates/TB-20260302-NOSUCHNO/revocation",
                "{\"reason\":\"x\"}", true).status()).isEqualTo(404);
        assertThat(health.json("POST", path, "{\"reason\":\"x\"}", false).status()).as("CSRF").isEqualTo(403);

        Page revoked = health.json("POST", path, "{\"reason\":\"出生日期登记有误，重新签发\"}", true);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(json(revoked).path("certificate").path("status").asString()).isEqualTo("revoked");
        Page twice = health.json("POST", path, "{\"reason\":\"再次撤销\"}", true);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(json(twice).path("type").asString()).isEqualTo("urn:tongban:problem:certificate-already-revoked");

        JsonNode verification = json(anonymous().json("POST", "/api/v1/certificates/verification",
                "{\"token\":\"" + token + "\"}", false));
        assertThat(verification.path("outcome").asString()).isEqualTo("revoked");
        assertThat(verification.path("revokedAt").asString()).isNotBlank();
        assertThat(verification.toString()).doesNotContain("出生日期登记有误");
        JsonNode holderView = json(signedIn("zhangsan").get("/api/v1/certificates/" + issued.number()));
        assertThat(holderView.path("status").asString()).isEqualTo("revoked");
        assertThat(holderView.path("revocationReason").asString()).isEqualTo("出生日期登记有误，重新签发");
        assertThat(certificates.byNumber(issued.number()).orElseThrow().status())
                .isEqualTo(IssuedCertificate.Status.REVOKED);
    }

    @Test
    void anUploadedPdfVerifiesOnlyWhenItIsTheDownloadedCopy() throws Exception {
        IssuedCertificate issued = issue(birthCertificate(UUID.randomUUID().toString()));
        byte[] pdf = download(signedIn("zhangsan"), "/api/v1/certificates/" + issued.number() + "/pdf").body();

        Page genuine = anonymous().upload("/api/v1/certificates/verification/file", "file", "证照.pdf",
                "application/pdf", pdf);
        assertThat(genuine.status()).as(genuine.body()).isEqualTo(200);
        assertThat(json(genuine).path("outcome").asString()).isEqualTo("valid");

        byte[] altered = java.util.Arrays.copyOf(pdf, pdf.length + 1);
        altered[pdf.length] = '\n';
        JsonNode notGenuine = json(anonymous().upload("/api/v1/certificates/verification/file", "file", "证照.pdf",
                "application/pdf", altered));
        assertThat(notGenuine.path("outcome").asString()).isEqualTo("not-genuine");
        assertThat(notGenuine.path("reason").asString()).isEqualTo("altered-copy");

        Page empty = anonymous().upload("/api/v1/certificates/verification/file", "file", "x.pdf", "application/pdf",
                new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        Page huge = anonymous().upload("/api/v1/certificates/verification/file", "file", "x.pdf", "application/pdf",
                new byte[6 * 1024 * 1024]);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void exactlyOneOfSixteenSimultaneousIssuesIssues() throws Exception {
        String application = UUID.randomUUID().toString();
        int threads = 16;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<IssuedCertificate>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                calls.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return issue(birthCertificate(application));
                }));
            }
            Set<String> numbers = ConcurrentHashMap.newKeySet();
            for (Future<IssuedCertificate> call : calls) {
                numbers.add(call.get(120, TimeUnit.SECONDS).number());
            }
            assertThat(numbers).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM certificate WHERE application_id = ?").param(application)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT issue_requests FROM certificate WHERE application_id = ?").param(application)
                .query(Integer.class).single()).isEqualTo(threads);
        assertThat(issue(birthCertificate(application)).number()).as("a later retry").isEqualTo(numbers(application));
    }

    private String numbers(String application) {
        return jdbc.sql("SELECT number FROM certificate WHERE application_id = ?").param(application)
                .query(String.class).single();
    }

    @Test
    void theApiIsDocumented() {
        JsonNode paths = json(anonymous().get("/v3/api-docs")).path("paths");
        assertThat(List.of("/api/v1/certificates", "/api/v1/certificates/{number}/pdf",
                "/api/v1/certificates/verification", "/api/v1/certificates/verification/file",
                "/api/v1/certificate-admin/certificates/{number}/revocation")).allSatisfy(path ->
                assertThat(paths.has(path)).as(path).isTrue());
    }

    @Test
    void issuingNeedsTheCallersTransaction() {
        assertThatThrownBy(() -> certificates.issue(birthCertificate(UUID.randomUUID().toString())))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void everyCertificateAnAdministratorIsShownIsInTheAuditLog() {
        // a name of this run only, so the search finds exactly these (the test database outlives a run)
        String name = "张测" + (100000 + new java.util.Random().nextInt(900000));
        List<String> applications = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String application = UUID.randomUUID().toString();
            applications.add(application);
            issue(birthCertificate(application, name));
        }
        Browserless health = signedIn("health-admin");

        Page listed = health.get("/api/v1/certificate-admin/certificates?size=3&q="
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        JsonNode page = json(listed);
        List<String> shown = page.path("items").valueStream().map(c -> c.path("number").asString()).toList();
        assertThat(shown).hasSize(3);
        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(page.path("items").get(0).path("holderIdNumber").asString()).isEqualTo("**************1239");
        List<String> shownApplications = shown.stream()
                .map(number -> certificates.byNumber(number).orElseThrow().applicationId()).toList();
        assertThat(shownApplications).containsExactlyInAnyOrderElementsOf(applications);
        for (String application : applications) {
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM personal_data_access WHERE application_id = ? AND kind = 'certificate-lookup'
                        AND owner_person = ? AND actor_department = 'health'""").params(application, ZHANGSAN)
                    .query(Long.class).single()).isEqualTo(1);
        }

        String number = shown.get(0);
        assertThat(json(health.get("/api/v1/certificate-admin/certificates?q=" + number.toLowerCase())).path("items")
                .valueStream().map(c -> c.path("number").asString()).toList()).containsExactly(number);
        assertThat(json(signedIn("edu-admin").get("/api/v1/certificate-admin/certificates?q=" + number))
                .path("total").asLong()).as("another department's certificates").isZero();
        assertThat(health.get("/api/v1/certificate-admin/certificates?size=1000").status()).isEqualTo(400);
        assertThat(signedIn("zhangsan").get("/api/v1/certificate-admin/certificates").status()).isEqualTo(403);
    }
}

package org.tongban.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.tongban.certificate.Field;
import org.tongban.certificate.IssueRequest;
import org.tongban.certificate.IssuedCertificate;
import org.tongban.certificate.Text;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * The PDF: Chinese text that extracts as text (the font embedded, only the glyphs used), the QR code that reads
 * back as the verification link, the signature attached, the same bytes at every download, and a changed copy
 * that verification refuses.
 */
class CertificatePdfTest {

    /** One drawer for every test, as the portal has one: the fonts are read once. */
    private static final CertificatePdf DRAWER = new CertificatePdf();

    private final CertificateFixture fixture = new CertificateFixture(DRAWER);

    private byte[] download(IssuedCertificate certificate) {
        return fixture.service.pdf(fixture.stored(certificate.number())).content();
    }

    @Test
    void theTextIsChineseTextWithTheFieldLabelsInBothLanguages() throws IOException {
        IssuedCertificate issued = fixture.issue(CertificateFixture.enrolment("application-1"));

        String text = text(download(issued));

        assertThat(text).as("no ligatures: the text extracts as written").contains("Certificate number")
                .doesNotContain("\uFB01");
        assertThat(text).contains("义务教育入学通知书", "Compulsory education enrolment notice", issued.number(), "张三",
                CertificateFixture.ZHANGSAN, "教育局", "Education Bureau", "2026-03-02", "2026-09-30", "儿童姓名",
                "Child's name", "张小明", "出生日期", "2019-06-01", "北京市西城区实验小学", "寄宿", "否 No",
                "扫码核验 / Scan to verify", "https://tongban.example/verify");
    }

    @Test
    void theFontIsEmbeddedAsASubset() throws IOException {
        byte[] pdf = download(fixture.issue(CertificateFixture.licence("application-1")));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : document.getPage(0).getResources().getFontNames()) {
                fonts.add(document.getPage(0).getResources().getFont(name));
            }
            assertThat(fonts).hasSize(2).allSatisfy(font -> {
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC-(Regular|Bold)");
            });
        }
        assertThat(pdf.length).as("a subset, not two 10 MB fonts").isLessThan(400_000);
        assertThat(text(pdf)).contains("食品经营许可证", "杭州通达科技有限公司", "统一社会信用代码", CertificateFixture.TONGDA,
                "长期有效", "预包装食品销售、热食类食品制售", "120.5", "市场监督管理局");
    }

    @Test
    void theQrCodeReadsBackAsTheVerificationLink() throws Exception {
        IssuedCertificate issued = fixture.issue(CertificateFixture.enrolment("application-1"));
        byte[] pdf = download(issued);

        String link = qr(pdf);

        assertThat(link).isEqualTo("https://tongban.example/verify#t=" + fixture.stored(issued.number())
                .verificationToken());
        assertThat(fixture.verifier.token(link.substring(link.indexOf("#t=") + 3)).outcome())
                .isEqualTo(Verification.Outcome.VALID);
    }

    @Test
    void theSignatureIsAttachedForOfflineVerifiers() {
        IssuedCertificate issued = fixture.issue(CertificateFixture.enrolment("application-1"));

        assertThat(CertificatePdf.attachedSignature(download(issued)))
                .contains(fixture.stored(issued.number()).signature());
    }

    @Test
    void everyDownloadIsTheSameBytes() {
        IssuedCertificate issued = fixture.issue(CertificateFixture.enrolment("application-1"));
        byte[] first = download(issued);
        fixture.clock.advance(java.time.Duration.ofDays(2));

        assertThat(download(issued)).isEqualTo(first);
        assertThat(fixture.jdbc.sql("SELECT sha256 FROM certificate_pdf WHERE number = ?").param(issued.number())
                .query(String.class).single()).isEqualTo(CertificateService.hex(Seals.digest(first)));
    }

    @Test
    void theDownloadedCopyVerifies_andAChangedCopyIsNotGenuine() {
        IssuedCertificate issued = fixture.issue(CertificateFixture.enrolment("application-1"));
        byte[] pdf = download(issued);

        assertThat(fixture.verifier.file(pdf).outcome()).isEqualTo(Verification.Outcome.VALID);

        byte[] changed = pdf.clone();
        int at = indexOf(changed, "2026-09-30".getBytes()) ;
        if (at < 0) {
            at = changed.length / 2; // the text is in a compressed stream: any byte will do
        }
        changed[at] ^= 1;
        Verification altered = fixture.verifier.file(changed);
        assertThat(altered.outcome()).isEqualTo(Verification.Outcome.NOT_GENUINE);

        byte[] appended = Arrays.copyOf(pdf, pdf.length + 2);
        appended[pdf.length] = '%';
        appended[pdf.length + 1] = '\n';
        assertThat(fixture.verifier.file(appended).reason()).as("still a readable PDF with the genuine signature")
                .isEqualTo("altered-copy");
    }

    @Test
    void aCharacterTheFontLacksDoesNotStopTheCertificate() throws IOException {
        IssueRequest request = CertificateFixture.enrolment("application-1");
        IssuedCertificate issued = fixture.issue(new IssueRequest(request.applicationId(),
                request.applicationNumber(), request.type(), request.typeName(), request.issuerDepartment(),
                request.holder(), List.of(new Field("note", new Text("备注", "Note"), "一路顺风 \uD83D\uDE00\u0007 "
                        + "x".repeat(300))), null));

        assertThat(text(download(issued))).contains("一路顺风 ?").contains("xxxxxxxxxx");
    }

    @Test
    void drawingACertificateIsQuickOnceTheFontsAreRead() {
        // measured, not asserted against the machine's speed: printed for docs/architecture.md
        CertificateFixture fresh = new CertificateFixture(new CertificatePdf());
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            IssuedCertificate issued = fresh.issue(CertificateFixture.enrolment("timing-" + i));
            long start = System.nanoTime();
            fresh.service.pdf(fresh.stored(issued.number()));
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        System.out.println("Certificate PDF, drawn and stored (ms; the first reads and parses the fonts): " + millis);
        assertThat(millis).hasSize(8);
    }

    /** Writes one PDF to target/ for a look with pdftotext, pdffonts and pdftoppm. */
    @Test
    void writesASampleForPeopleToLookAt() throws IOException {
        byte[] pdf = download(fixture.issue(CertificateFixture.enrolment("sample")));
        Path target = Path.of("target", "certificate-sample.pdf");
        Files.createDirectories(target.getParent());
        Files.write(target, pdf);
        assertThat(target).exists();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /**
     * Reads the QR code as a scanner pointed at it would: the code's corner of the page, drawn at 300 dpi. Decoding the
     * whole page at 150 dpi failed now and then (FormatException), depending on the random token and the text.
     */
    private static String qr(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            // crisp edges, as a printer draws them: anti-aliased seams between the rows of modules are not in print
            renderer.setRenderingHints(new java.awt.RenderingHints(java.awt.RenderingHints.KEY_ANTIALIASING,
                    java.awt.RenderingHints.VALUE_ANTIALIAS_OFF));
            BufferedImage page = renderer.renderImageWithDPI(0, 300);
            // the code's column at the foot of the page (right of the footer's text, A4 with 56 pt margins): a whole
            // page of CJK text offers the finder-pattern search false candidates
            float scale = 300f / 72;
            int left = Math.round((595 - 56 - 128 - 8) * scale);
            int top = page.getHeight() / 2;
            BufferedImage image = page.getSubimage(left, top, page.getWidth() - left, page.getHeight() - top);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

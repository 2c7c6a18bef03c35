package org.tongban.certificate.internal;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.tongban.certificate.Field;
import org.tongban.certificate.Holder;
import org.tongban.identity.Department;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Draws a certificate as an A4 PDF: the type's name (Chinese, English below), number, holder, issuer, dates, each
 * field with its label in both languages, the QR code to the verification page, and the full JWS attached as
 * {@code certificate.jws} for offline verifiers. Text is set in Noto Sans SC, of which only the glyphs used are
 * embedded; the font files (from the frontend jar, {@code fonts/}) are read once, at the first PDF, and kept in
 * memory, parsed.
 */
class CertificatePdf {

    static final String ATTACHMENT = "certificate.jws";

    private static final float MARGIN = 56;
    private static final float LABEL_WIDTH = 150;
    private static final Color INK = new Color(0x1f, 0x1f, 0x1f);
    private static final Color MUTED = new Color(0x59, 0x59, 0x59);
    private static final Color FRAME = new Color(0xa6, 0x1b, 0x29);
    private static final float QR_SIZE = 128;

    /** At most this many parsed font pairs are kept: one per PDF being drawn at the same moment. */
    private static final int KEPT_FONTS = 4;

    private final Supplier<byte[][]> fontFiles;
    private volatile byte[][] files;
    private final Queue<Parsed> parsed = new ConcurrentLinkedQueue<>();

    /** With the fonts from the class path, read at the first PDF (not at start-up, which they would slow down). */
    CertificatePdf() {
        this(() -> new byte[][] { resource("fonts/NotoSansSC-Regular.ttf"), resource("fonts/NotoSansSC-Bold.ttf") });
    }

    CertificatePdf(Supplier<byte[][]> fontFiles) {
        this.fontFiles = fontFiles;
    }

    /** The regular and bold font, parsed; used by one PDF at a time. */
    private record Parsed(TrueTypeFont regular, TrueTypeFont bold) {
    }

    // Parsing a 10 MB font takes tens of milliseconds: parsed fonts are kept for the next PDF. A parsed font is
    // not safe for two documents at once, so each PDF takes a pair from the queue (or parses one) and puts it back.
    private Parsed take() throws IOException {
        Parsed fonts = parsed.poll();
        if (fonts != null) {
            return fonts;
        }
        byte[][] bytes = files;
        if (bytes == null) {
            synchronized (this) {
                bytes = files;
                if (bytes == null) {
                    bytes = fontFiles.get();
                    files = bytes;
                }
            }
        }
        TrueTypeFont regular = new TTFParser().parse(new RandomAccessReadBuffer(bytes[0]));
        TrueTypeFont bold = new TTFParser().parse(new RandomAccessReadBuffer(bytes[1]));
        // one glyph per character, no ligatures: Noto Sans SC would turn "fi" into a glyph that extracts as
        // U+FB01, and a certificate's text must extract exactly as written (Chinese needs no shaping)
        regular.setEnableGsub(false);
        bold.setEnableGsub(false);
        return new Parsed(regular, bold);
    }

    private void giveBack(Parsed fonts) {
        if (parsed.size() < KEPT_FONTS) {
            parsed.offer(fonts);
        } else {
            closeQuietly(fonts.regular());
            closeQuietly(fonts.bold());
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = CertificatePdf.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The certificate font " + path + " is not on the class path (the "
                        + "frontend module packages it from its npm dependencies)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the PDF shows besides the certificate itself. */
    record Extras(Optional<Department> issuer, String verificationUrl, String verificationPage,
            java.time.Instant generatedAt) {
    }

    byte[] render(StoredCertificate certificate, Extras extras) {
        Parsed parsedFonts;
        try {
            parsedFonts = take();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the certificate fonts", e);
        }
        try (PDDocument document = new PDDocument()) {
            Fonts fonts = new Fonts(PDType0Font.load(document, parsedFonts.regular(), true),
                    parsedFonts.regular().getUnicodeCmapLookup(), PDType0Font.load(document, parsedFonts.bold(), true),
                    parsedFonts.bold().getUnicodeCmapLookup());
            info(document, certificate, extras);
            attach(document, certificate, extras);
            try (Canvas canvas = new Canvas(document, fonts)) {
                draw(canvas, certificate, extras);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            giveBack(parsedFonts);
            return out.toByteArray();
        } catch (IOException e) {
            // a font that failed half-way is not put back
            throw new UncheckedIOException("Cannot draw certificate " + certificate.number(), e);
        }
    }

    /** The JWS attached to a PDF, if it is a PDF with one. */
    static Optional<String> attachedSignature(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
            if (names == null || names.getEmbeddedFiles() == null) {
                return Optional.empty();
            }
            Map<String, PDComplexFileSpecification> files = names.getEmbeddedFiles().getNames();
            PDComplexFileSpecification spec = files == null ? null : files.get(ATTACHMENT);
            if (spec == null || spec.getEmbeddedFile() == null) {
                return Optional.empty();
            }
            byte[] content = spec.getEmbeddedFile().toByteArray();
            return content.length > 64 * 1024 ? Optional.empty()
                    : Optional.of(new String(content, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void info(PDDocument document, StoredCertificate certificate, Extras extras) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(certificate.typeName().zh() + " " + certificate.number());
        info.setSubject(certificate.typeName().en());
        info.setAuthor("通办 Tongban");
        info.setCreator("Tongban");
        info.setCreationDate(calendar(extras.generatedAt()));
    }

    private static void attach(PDDocument document, StoredCertificate certificate, Extras extras) throws IOException {
        byte[] jws = certificate.signature().getBytes(StandardCharsets.US_ASCII);
        PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(jws));
        file.setSubtype("application/jose");
        file.setSize(jws.length);
        file.setCreationDate(calendar(extras.generatedAt()));
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(ATTACHMENT);
        spec.setFileUnicode(ATTACHMENT);
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.setFileDescription("The portal's signature of this certificate (JWS, ES256), for offline verification");
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(ATTACHMENT, spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        document.getDocumentCatalog().setNames(names);
    }

    private static void draw(Canvas canvas, StoredCertificate certificate, Extras extras) throws IOException {
        canvas.frame();
        canvas.centered("通办 · 电子证照  Tongban e-certificate", canvas.fonts.regular, 9, MUTED);
        canvas.gap(20);
        canvas.centered(certificate.typeName().zh(), canvas.fonts.bold, 24, INK);
        if (certificate.typeName().en() != null && !certificate.typeName().en().isBlank()) {
            canvas.gap(4);
            canvas.centered(certificate.typeName().en(), canvas.fonts.regular, 12, MUTED);
        }
        canvas.gap(26);

        Holder holder = certificate.holder();
        boolean person = holder.kind() == Holder.Kind.PERSON;
        canvas.row("证照编号", "Certificate number", List.of(certificate.number()));
        canvas.row("持证人", "Holder", List.of(holder.name()));
        canvas.row(person ? "公民身份号码" : "统一社会信用代码", person ? "Resident ID number" : "Unified social credit code",
                List.of(holder.idNumber()));
        List<String> issuer = extras.issuer()
                .map(department -> List.of(department.nameZh(), department.nameEn() == null ? "" : department.nameEn()))
                .orElse(List.of(certificate.issuerDepartment()));
        canvas.row("发证机关", "Issuing authority", issuer);
        canvas.row("发证日期", "Date of issue", List.of(certificate.issuedOn().toString()));
        canvas.row("有效期至", "Valid until", certificate.validUntil() == null ? List.of("长期有效", "No expiry")
                : List.of(certificate.validUntil().toString()));
        canvas.gap(6);
        canvas.rule();
        canvas.gap(14);
        for (Field field : certificate.fields()) {
            canvas.row(field.label().zh(), field.label().en(), List.of(text(field.value())));
        }
        canvas.footer(extras, matrix(extras.verificationUrl()));
    }

    static String text(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Boolean bool) {
            return bool ? "是 Yes" : "否 No";
        }
        if (value instanceof Number number) {
            return number instanceof BigDecimal || number instanceof Double || number instanceof Float
                    ? CanonicalJson.number(number) : number.toString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(CertificatePdf::text).collect(Collectors.joining("、"));
        }
        return value.toString();
    }

    /**
     * The QR code of a text: error correction M, with the standard quiet zone of four modules drawn white around it
     * (the caption below came closer than that, and some codes did not read back).
     */
    static BitMatrix matrix(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalStateException("Cannot encode the verification link as a QR code", e);
        }
    }

    private static Calendar calendar(java.time.Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(StoredCertificate.ZONE));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    private static void closeQuietly(TrueTypeFont font) {
        if (font != null) {
            try {
                font.close();
            } catch (IOException e) {
                // only memory
            }
        }
    }

    private record Fonts(PDType0Font regular, CmapLookup regularGlyphs, PDType0Font bold, CmapLookup boldGlyphs) {

        /** The text with characters the font lacks replaced, so a rare character never fails a certificate. */
        String printable(PDType0Font font, String text) {
            CmapLookup glyphs = font == bold ? boldGlyphs : regularGlyphs;
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp)) {
                    out.append(' ');
                } else if (glyphs.getGlyphId(cp) > 0) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }

    /** A page cursor that starts a new page when the current one is full. */
    private static final class Canvas implements AutoCloseable {

        private final PDDocument document;
        private final Fonts fonts;
        private PDPage page;
        private PDPageContentStream out;
        private float y;

        Canvas(PDDocument document, Fonts fonts) throws IOException {
            this.document = document;
            this.fonts = fonts;
            newPage();
        }

        private void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            out = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN - 8;
        }

        float width() {
            return page.getMediaBox().getWidth();
        }

        void frame() throws IOException {
            PDRectangle box = page.getMediaBox();
            out.setStrokingColor(FRAME);
            out.setLineWidth(2f);
            out.addRect(24, 24, box.getWidth() - 48, box.getHeight() - 48);
            out.stroke();
            out.setLineWidth(0.6f);
            out.addRect(30, 30, box.getWidth() - 60, box.getHeight() - 60);
            out.stroke();
        }

        void gap(float points) {
            y -= points;
        }

        void rule() throws IOException {
            out.setStrokingColor(new Color(0xd9, 0xd9, 0xd9));
            out.setLineWidth(0.5f);
            out.moveTo(MARGIN, y);
            out.lineTo(width() - MARGIN, y);
            out.stroke();
        }

        void centered(String text, PDType0Font font, float size, Color color) throws IOException {
            float usable = width() - 2 * MARGIN;
            for (String line : wrap(fonts.printable(font, text), font, size, usable)) {
                ensure(size * 1.4f);
                float lineWidth = font.getStringWidth(line) / 1000 * size;
                show(line, font, size, color, (width() - lineWidth) / 2, y - size);
                y -= size * 1.4f;
            }
        }

        /**
         * A label (Chinese, English smaller below) and its value: the first value line in full size, further ones
         * (an English name, say) smaller; all wrapped to the value column.
         */
        void row(String labelZh, String labelEn, List<String> values) throws IOException {
            float valueX = MARGIN + LABEL_WIDTH;
            float valueWidth = width() - MARGIN - valueX;
            List<Line> label = new ArrayList<>();
            for (String line : wrap(fonts.printable(fonts.bold, labelZh), fonts.bold, 10.5f, LABEL_WIDTH - 10)) {
                label.add(new Line(line, fonts.bold, 10.5f, INK, 14));
            }
            if (labelEn != null && !labelEn.isBlank()) {
                for (String line : wrap(fonts.printable(fonts.regular, labelEn), fonts.regular, 7.5f,
                        LABEL_WIDTH - 10)) {
                    label.add(new Line(line, fonts.regular, 7.5f, MUTED, 10));
                }
            }
            List<Line> value = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                float size = i == 0 ? 11 : 9;
                for (String line : wrap(fonts.printable(fonts.regular, values.get(i)), fonts.regular, size,
                        valueWidth)) {
                    value.add(new Line(line, fonts.regular, size, i == 0 ? INK : MUTED, size + 4));
                }
            }
            ensure(Math.max(height(label), height(value)) + 8);
            float labelY = print(label, MARGIN, y);
            float valueY = print(value, valueX, y);
            y = Math.min(labelY, valueY) - 8;
        }

        private record Line(String text, PDType0Font font, float size, Color color, float advance) {
        }

        private static float height(List<Line> lines) {
            return (float) lines.stream().mapToDouble(Line::advance).sum();
        }

        private float print(List<Line> lines, float x, float top) throws IOException {
            float at = top;
            for (Line line : lines) {
                show(line.text(), line.font(), line.size(), line.color(), x, at - line.size());
                at -= line.advance();
            }
            return at;
        }

        void footer(Extras extras, BitMatrix qr) throws IOException {
            float bottom = MARGIN + 8;
            float needed = QR_SIZE + 40;
            if (y - needed < bottom) {
                newPage();
            }
            float qrX = width() - MARGIN - QR_SIZE;
            float qrY = bottom + 18;
            float module = QR_SIZE / qr.getWidth();
            out.setNonStrokingColor(Color.BLACK);
            for (int row = 0; row < qr.getHeight(); row++) {
                int column = 0;
                while (column < qr.getWidth()) {
                    if (!qr.get(column, row)) {
                        column++;
                        continue;
                    }
                    int start = column;
                    while (column < qr.getWidth() && qr.get(column, row)) {
                        column++;
                    }
                    out.addRect(qrX + start * module, qrY + QR_SIZE - (row + 1) * module, (column - start) * module,
                            module);
                }
            }
            out.fill();
            String caption = "扫码核验 / Scan to verify";
            float captionWidth = fonts.regular.getStringWidth(caption) / 1000 * 9;
            show(caption, fonts.regular, 9, INK, qrX + (QR_SIZE - captionWidth) / 2, bottom + 4);

            float textWidth = qrX - MARGIN - 16;
            float lineY = qrY + QR_SIZE - 9;
            List<String> lines = new ArrayList<>();
            lines.addAll(wrap("本证照由通办平台签发并加盖电子签名，签名文件 certificate.jws 附在本 PDF 中。可扫描二维码，"
                    + "或在以下网址上传本文件核验真伪：", fonts.regular, 8.5f, textWidth));
            lines.addAll(wrap(extras.verificationPage(), fonts.regular, 8.5f, textWidth));
            lines.addAll(wrap("Issued and electronically signed by the Tongban portal; the signature, certificate.jws, "
                    + "is attached to this PDF. Scan the QR code, or upload this file at the address above, "
                    + "to verify it.", fonts.regular, 7.5f, textWidth));
            for (String line : lines) {
                boolean english = line.chars().noneMatch(c -> c > 0x2e80);
                show(line, fonts.regular, english ? 7.5f : 8.5f, MUTED, MARGIN, lineY);
                lineY -= 12;
            }
        }

        private void ensure(float height) throws IOException {
            if (y - height < MARGIN + QR_SIZE / 2) {
                newPage();
            }
        }

        private void show(String text, PDType0Font font, float size, Color color, float x, float baseline)
                throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.setNonStrokingColor(color);
            out.newLineAtOffset(x, baseline);
            out.showText(fonts.printable(font, text));
            out.endText();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Greedy line breaking: anywhere between CJK characters, at spaces in other text where possible. */
    static List<String> wrap(String text, PDType0Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            int[] codePoints = paragraph.codePoints().toArray();
            for (int cp : codePoints) {
                String candidate = line + new String(Character.toChars(cp));
                if (line.length() > 0 && font.getStringWidth(candidate) / 1000 * size > width) {
                    int space = line.lastIndexOf(" ");
                    if (cp != ' ' && space > 0 && !isCjk(line.codePointBefore(line.length()))) {
                        lines.add(line.substring(0, space));
                        line = new StringBuilder(line.substring(space + 1));
                    } else {
                        lines.add(line.toString());
                        line = new StringBuilder();
                    }
                    if (cp != ' ') {
                        line.appendCodePoint(cp);
                    }
                } else {
                    line.appendCodePoint(cp);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static boolean isCjk(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || (cp >= 0x3000 && cp <= 0x303f)
                || (cp >= 0xff00 && cp <= 0xffef);
    }
}

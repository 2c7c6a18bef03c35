package org.tongban.application.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tongban.application.AttachmentScanner;
import org.tongban.identity.CurrentPerson;
import org.tongban.identity.Person;
import org.tongban.web.ProblemException;
import org.tongban.web.ProblemType;
import org.tongban.workflow.Material;
import org.tongban.workflow.WorkflowDefinitions;

/**
 * Attachments, one or more per required material. The type is told from the content (Apache Tika's
 * magic-byte detection), never from the name; the file is stored under a generated name in the data
 * folder; the name the applicant gave is only a label and must be a plain file name.
 */
@RestController
@Tag(name = "Applications")
class AttachmentController {

    /** Allowed formats of the definition files, and the types their content must have. */
    private static final Map<String, List<String>> FORMATS = Map.of(
            "pdf", List.of("application/pdf"),
            "jpg", List.of("image/jpeg"), "jpeg", List.of("image/jpeg"),
            "png", List.of("image/png"),
            "ofd", List.of("application/zip", "application/ofd"));

    private final JdbcApplications applications;
    private final WorkflowDefinitions definitions;
    private final CurrentPerson currentPerson;
    private final AttachmentScanner scanner;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path storage;
    private final Tika tika = new Tika();

    AttachmentController(JdbcApplications applications, WorkflowDefinitions definitions, CurrentPerson currentPerson,
            AttachmentScanner scanner, JdbcClient jdbc, Clock clock, @Value("${tongban.attachments-dir}") String attachmentsDir) {
        this.applications = applications;
        this.definitions = definitions;
        this.currentPerson = currentPerson;
        this.scanner = scanner;
        this.jdbc = jdbc;
        this.clock = clock;
        this.storage = Path.of(attachmentsDir);
    }

    record AttachmentView(String id, String materialCode, String fileName, String mediaType, long sizeBytes,
            Instant uploadedAt) {
    }

    @PostMapping(value = "/api/v1/applications/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @org.springframework.transaction.annotation.Transactional
    @Operation(summary = "Attach a document to a required material (while drafting or correcting)")
    AttachmentView upload(@PathVariable String id, @RequestParam String material, @RequestParam MultipartFile file) {
        Person person = currentPerson.require();
        JdbcApplications.Row row = applications.owned(id, person);
        if (!List.of("draft", "correction").contains(row.status())) {
            throw new ProblemException(HttpStatus.CONFLICT, ProblemType.WORKFLOW_NOT_ALLOWED);
        }
        Material declared = definitions.version(row.serviceCode(), row.definitionVersion()).orElseThrow()
                .definition().service().materials().stream().filter(m -> m.code().equals(material)).findFirst()
                .orElseThrow(() -> new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.ATTACHMENT_UNKNOWN_MATERIAL));
        String name = plainFileName(file.getOriginalFilename());
        if (file.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.ATTACHMENT_EMPTY);
        }
        if (file.getSize() > declared.maxSizeMb() * 1024L * 1024L) {
            throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, ProblemType.ATTACHMENT_TOO_LARGE,
                    declared.maxSizeMb());
        }
        String attachmentId = UUID.randomUUID().toString();
        Path folder = storage.resolve(row.id());
        Path target = folder.resolve(attachmentId);
        try {
            Files.createDirectories(folder);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(file.getInputStream(), sha)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            String detected = tika.detect(target);
            List<String> allowed = declared.formats().stream()
                    .flatMap(format -> FORMATS.getOrDefault(format.toLowerCase(), List.of()).stream()).toList();
            if (!allowed.contains(detected)) {
                Files.deleteIfExists(target);
                throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemType.ATTACHMENT_TYPE_NOT_ALLOWED,
                        String.join(", ", declared.formats()));
            }
            if (scanner.scan(target, detected) == AttachmentScanner.Verdict.INFECTED) {
                Files.deleteIfExists(target);
                throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.ATTACHMENT_INFECTED);
            }
            Instant now = clock.instant();
            jdbc.sql("""
                    INSERT INTO attachment (id, application_id, material_code, file_name, media_type, size_bytes, sha256,
                        uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(attachmentId, row.id(), material, name, detected, Files.size(target),
                            HexFormat.of().formatHex(sha.digest()), person.subject(), Timestamp.from(now))
                    .update();
            return new AttachmentView(attachmentId, material, name, detected, Files.size(target), now);
        } catch (IOException e) {
            deleteQuietly(target);
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw e;
        }
    }

    @GetMapping("/api/v1/applications/{id}/attachments")
    @Operation(summary = "The application's attachments")
    List<AttachmentView> list(@PathVariable String id) {
        JdbcApplications.Row row = applications.owned(id, currentPerson.require());
        return of(row.id());
    }

    @GetMapping("/api/v1/applications/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download an attachment")
    ResponseEntity<Resource> download(@PathVariable String id, @PathVariable String attachmentId) {
        JdbcApplications.Row row = applications.owned(id, currentPerson.require());
        return file(row.id(), attachmentId);
    }

    @DeleteMapping("/api/v1/applications/{id}/attachments/{attachmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @org.springframework.transaction.annotation.Transactional
    @Operation(summary = "Remove an attachment (while drafting or correcting)")
    void delete(@PathVariable String id, @PathVariable String attachmentId) {
        JdbcApplications.Row row = applications.owned(id, currentPerson.require());
        if (!List.of("draft", "correction").contains(row.status())) {
            throw new ProblemException(HttpStatus.CONFLICT, ProblemType.WORKFLOW_NOT_ALLOWED);
        }
        if (jdbc.sql("DELETE FROM attachment WHERE id = ? AND application_id = ?").params(attachmentId, row.id())
                .update() != 1) {
            throw ProblemException.notFound();
        }
        deleteQuietly(storage.resolve(row.id()).resolve(attachmentId));
    }

    List<AttachmentView> of(String applicationId) {
        return applications.attachments(applicationId);
    }

    ResponseEntity<Resource> file(String applicationId, String attachmentId) {
        AttachmentView attachment = of(applicationId).stream().filter(a -> a.id().equals(attachmentId)).findFirst()
                .orElseThrow(ProblemException::notFound);
        Path path = storage.resolve(applicationId).resolve(attachment.id());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(path));
    }

    /** A label, not a path: no folders, no "..", no control characters, not too long. */
    static String plainFileName(String name) {
        if (name == null || name.isBlank() || name.length() > 200 || name.contains("/") || name.contains("\\")
                || name.contains("..") || name.codePoints().anyMatch(Character::isISOControl)
                || name.startsWith(".")) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.ATTACHMENT_BAD_NAME);
        }
        return name.strip();
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the row was not written; an orphan file is harmless and found by its generated name
        }
    }
}

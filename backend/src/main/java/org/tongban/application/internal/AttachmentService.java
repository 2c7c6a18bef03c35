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
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.application.AttachmentScanner;
import org.tongban.application.Applications.Attachment;
import org.tongban.application.Applications.AttachmentContent;
import org.tongban.identity.Person;
import org.tongban.shared.DomainException;
import org.tongban.workflow.Material;

/**
 * Documents, one or more per material. The type is told from the content (Apache Tika's magic-byte detection),
 * never from the name; the file is stored under a generated name; the name the applicant gave is only a label and
 * must be a plain file name. While drafting any material may change; during a correction only the flagged ones.
 */
@Service
class AttachmentService {

    /** Allowed formats of the definition files, and the types their content must have. */
    private static final Map<String, List<String>> FORMATS = Map.of(
            "pdf", List.of("application/pdf"),
            "jpg", List.of("image/jpeg"), "jpeg", List.of("image/jpeg"),
            "png", List.of("image/png"),
            "ofd", List.of("application/zip", "application/ofd"),
            "docx", List.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip",
                    "application/x-tika-ooxml"));

    private final ApplicationService applications;
    private final AttachmentRepository attachments;
    private final AttachmentScanner scanner;
    private final ApplicationLimits limits;
    private final Clock clock;
    private final Path storage;
    private final Tika tika = new Tika();

    AttachmentService(ApplicationService applications, AttachmentRepository attachments, AttachmentScanner scanner,
            ApplicationLimits limits, Clock clock, @Value("${tongban.attachments-dir}") String attachmentsDir) {
        this.applications = applications;
        this.attachments = attachments;
        this.scanner = scanner;
        this.limits = limits;
        this.clock = clock;
        this.storage = Path.of(attachmentsDir);
    }

    @Transactional
    Attachment upload(Person person, String applicationId, String materialCode, String originalName, long size,
            InputStreamSource file) {
        Application application = applications.owned(person, applicationId);
        Material material = applications.definitionOf(application).service().materials().stream()
                .filter(m -> m.code().equals(materialCode)).findFirst()
                .orElseThrow(() -> new DomainException(ApplicationProblem.ATTACHMENT_UNKNOWN_MATERIAL));
        application.requireDocumentsChangeable(materialCode);
        String name = plainFileName(originalName);
        if (size <= 0) {
            throw new DomainException(ApplicationProblem.ATTACHMENT_EMPTY);
        }
        if (size > material.maxSizeMb() * 1024L * 1024L) {
            throw new DomainException(ApplicationProblem.ATTACHMENT_TOO_LARGE, material.maxSizeMb());
        }
        if (attachments.count(application.id(), null) >= limits.maxAttachmentsPerApplication()
                || attachments.count(application.id(), materialCode) >= limits.maxFilesPerMaterial()) {
            throw new DomainException(ApplicationProblem.TOO_MANY_ATTACHMENTS, limits.maxAttachmentsPerApplication(),
                    limits.maxFilesPerMaterial());
        }
        String id = UUID.randomUUID().toString();
        Path folder = storage.resolve(application.id());
        Path target = folder.resolve(id);
        try {
            Files.createDirectories(folder);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(file.getInputStream(), sha)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            String detected = tika.detect(target);
            List<String> allowed = material.formats().stream()
                    .flatMap(format -> FORMATS.getOrDefault(format.toLowerCase(java.util.Locale.ROOT), List.of()).stream())
                    .toList();
            if (!allowed.contains(detected)) {
                throw new DomainException(ApplicationProblem.ATTACHMENT_TYPE_NOT_ALLOWED,
                        String.join(", ", material.formats()));
            }
            if (scanner.scan(target, detected) == AttachmentScanner.Verdict.INFECTED) {
                throw new DomainException(ApplicationProblem.ATTACHMENT_INFECTED);
            }
            Attachment attachment = new Attachment(id, materialCode, name, detected, Files.size(target), clock.instant());
            attachments.insert(application.id(), attachment, HexFormat.of().formatHex(sha.digest()), person.subject());
            return attachment;
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

    List<Attachment> list(Person person, String applicationId) {
        return attachments.of(applications.owned(person, applicationId).id());
    }

    /** The applicant's own document. */
    AttachmentContent open(Person person, String applicationId, String attachmentId) {
        return content(applications.owned(person, applicationId).id(), attachmentId)
                .orElseThrow(() -> new DomainException(ApplicationProblem.NOT_FOUND));
    }

    @Transactional
    void delete(Person person, String applicationId, String attachmentId) {
        Application application = applications.owned(person, applicationId);
        Attachment attachment = attachments.find(application.id(), attachmentId)
                .orElseThrow(() -> new DomainException(ApplicationProblem.NOT_FOUND));
        application.requireDocumentsChangeable(attachment.materialCode());
        attachments.delete(application.id(), attachmentId);
        deleteQuietly(storage.resolve(application.id()).resolve(attachmentId));
    }

    /** A document's content, if it belongs to the application (no check of who asks: callers check). */
    Optional<AttachmentContent> content(String applicationId, String attachmentId) {
        return attachments.find(applicationId, attachmentId).map(attachment -> {
            Path path = storage.resolve(applicationId).resolve(attachment.id());
            return new AttachmentContent(attachment, () -> {
                try {
                    return Files.newInputStream(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, attachment.sizeBytes());
        });
    }

    /** A label, not a path: no folders, no "..", no control characters, not too long. */
    static String plainFileName(String name) {
        if (name == null || name.isBlank() || name.length() > 200 || name.contains("/") || name.contains("\\")
                || name.contains("..") || name.codePoints().anyMatch(Character::isISOControl)
                || name.startsWith(".")) {
            throw new DomainException(ApplicationProblem.ATTACHMENT_BAD_NAME);
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

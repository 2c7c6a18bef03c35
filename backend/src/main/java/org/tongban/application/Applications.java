package org.tongban.application;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applications as other modules see them. Reading answers or documents is reading personal data: callers
 * (the workbench) check the official may see them and record the read in the same transaction.
 */
public interface Applications {

    Optional<ApplicationSummary> find(String applicationId);

    Optional<ApplicationSummary> byWorkflowInstance(String instanceId);

    /**
     * The application if it is this person's (or their enterprise's, when they act for it); empty for anyone else,
     * who must not learn that it exists.
     */
    Optional<ApplicationSummary> findFor(String applicationId, org.tongban.identity.Person person);

    /** The submitted answers, for officials' views restricted by the caller to what a step may see. */
    Map<String, Object> formData(String applicationId);

    /** The application's documents, oldest first. */
    List<Attachment> attachments(String applicationId);

    /** One document's content, if it belongs to the application. */
    Optional<AttachmentContent> attachment(String applicationId, String attachmentId);

    /** The applicant's decisions about the data the service reads from departments (granted, declined, disputed). */
    List<SourceDecision> sourceDecisions(String applicationId);

    /** A decision about one dataset; {@code reason} says what is wrong with a disputed record. */
    record SourceDecision(String dataset, String decision, String recordKey, String reason) {
    }

    /** A document the applicant attached to a material. */
    record Attachment(String id, String materialCode, String fileName, String mediaType, long sizeBytes,
            Instant uploadedAt) {
    }

    /** A document with a way to read it. */
    record AttachmentContent(Attachment attachment, java.util.function.Supplier<InputStream> content, long length) {
    }
}

package org.tongban.application.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tongban.application.Applications.Attachment;
import org.tongban.application.Applications.AttachmentContent;
import org.tongban.identity.CurrentPerson;
import org.tongban.web.Downloads;

/** The applicant's documents over HTTP; the rules are {@link AttachmentService}'s. */
@RestController
@Tag(name = "Applications")
class AttachmentController {

    private final AttachmentService attachments;
    private final CurrentPerson currentPerson;

    AttachmentController(AttachmentService attachments, CurrentPerson currentPerson) {
        this.attachments = attachments;
        this.currentPerson = currentPerson;
    }

    @PostMapping(value = "/api/v1/applications/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a document to a material (while drafting, or to a flagged material while correcting)")
    Attachment upload(@PathVariable String id, @RequestParam String material, @RequestParam MultipartFile file) {
        return attachments.upload(currentPerson.require(), id, material, file.getOriginalFilename(), file.getSize(),
                file);
    }

    @GetMapping("/api/v1/applications/{id}/attachments")
    @Operation(summary = "The application's documents")
    List<Attachment> list(@PathVariable String id) {
        return attachments.list(currentPerson.require(), id);
    }

    @GetMapping("/api/v1/applications/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download one of my documents")
    ResponseEntity<Resource> download(@PathVariable String id, @PathVariable String attachmentId) {
        return file(attachments.open(currentPerson.require(), id, attachmentId));
    }

    @DeleteMapping("/api/v1/applications/{id}/attachments/{attachmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a document (while drafting, or of a flagged material while correcting)")
    void delete(@PathVariable String id, @PathVariable String attachmentId) {
        attachments.delete(currentPerson.require(), id, attachmentId);
    }

    private static ResponseEntity<Resource> file(AttachmentContent content) {
        Attachment attachment = content.attachment();
        return Downloads.attachment(attachment.fileName(), attachment.mediaType(), content.length(),
                content.content().get());
    }
}

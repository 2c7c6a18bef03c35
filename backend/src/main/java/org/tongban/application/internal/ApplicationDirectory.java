package org.tongban.application.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tongban.application.ApplicationSummary;
import org.tongban.application.Applications;

/** The module's answers to other modules; no rules of its own. */
@Component
class ApplicationDirectory implements Applications {

    private final ApplicationRepository applications;
    private final AttachmentRepository attachments;
    private final AttachmentService files;

    ApplicationDirectory(ApplicationRepository applications, AttachmentRepository attachments, AttachmentService files) {
        this.applications = applications;
        this.attachments = attachments;
        this.files = files;
    }

    @Override
    public Optional<ApplicationSummary> find(String applicationId) {
        return applications.find(applicationId).map(Application::summary);
    }

    @Override
    public Optional<ApplicationSummary> findFor(String applicationId, org.tongban.identity.Person person) {
        return applications.find(applicationId).filter(application -> application.belongsTo(person))
                .map(Application::summary);
    }

    @Override
    public Optional<ApplicationSummary> byWorkflowInstance(String instanceId) {
        return applications.byWorkflowInstance(instanceId).map(Application::summary);
    }

    @Override
    public Map<String, Object> formData(String applicationId) {
        return applications.find(applicationId).map(Application::formData).orElse(Map.of());
    }

    @Override
    public List<SourceDecision> sourceDecisions(String applicationId) {
        return applications.find(applicationId).map(application -> application.sources().stream()
                .map(source -> new SourceDecision(source.dataset(), source.decision(), source.recordKey(), source.reason()))
                .toList()).orElse(List.of());
    }

    @Override
    public List<Attachment> attachments(String applicationId) {
        return attachments.of(applicationId);
    }

    @Override
    public Optional<AttachmentContent> attachment(String applicationId, String attachmentId) {
        return files.content(applicationId, attachmentId);
    }
}

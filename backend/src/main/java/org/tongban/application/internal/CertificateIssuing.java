package org.tongban.application.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tongban.certificate.Certificates;
import org.tongban.certificate.Field;
import org.tongban.certificate.Holder;
import org.tongban.certificate.IssueRequest;
import org.tongban.certificate.Text;
import org.tongban.exchange.BoundRecord;
import org.tongban.exchange.DataExchange;
import org.tongban.workflow.DataCatalogue;
import org.tongban.workflow.PublishedDefinition;
import org.tongban.workflow.Step;
import org.tongban.workflow.WorkflowDefinitions;

/**
 * An issue-certificate step, carried out for the application in the transaction of the approval that reached it:
 * the certificate of the declared type, to the applicant (an enterprise's to the enterprise), carrying the answers
 * and shared records the definition names, valid for the declared period. Issuing is idempotent per application and
 * type, so a retried or concurrent approval never issues twice.
 */
@Component
class CertificateIssuing {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Certificates certificates;
    private final WorkflowDefinitions definitions;
    private final DataExchange exchange;
    private final Clock clock;

    CertificateIssuing(Certificates certificates, WorkflowDefinitions definitions, DataExchange exchange, Clock clock) {
        this.certificates = certificates;
        this.definitions = definitions;
        this.exchange = exchange;
        this.clock = clock;
    }

    void issue(Application application, PublishedDefinition published, Step.Automatic step) {
        Step.CertificateSpec spec = step.certificate();
        String type = spec != null ? spec.type() : published.service().certificate();
        DataCatalogue.Dataset declared = definitions.catalogue().dataset(type)
                .orElseThrow(() -> new IllegalStateException("Certificate type " + type + " is not in the catalogue"));
        List<BoundRecord> bound = spec == null ? List.of() : exchange.boundTo(application.id());
        List<Field> fields = new ArrayList<>();
        if (spec != null) {
            spec.fields().forEach((code, expression) -> {
                Object value = SharedData.value(expression, application.formData(), bound);
                if (value != null && !(value instanceof Map<?, ?>)) {
                    DataCatalogue.Field field = declared.field(code).orElseThrow();
                    fields.add(new Field(code, text(field.title(), code), typed(value, field.type())));
                }
            });
        }
        Holder holder = declared.about() == DataCatalogue.About.ENTERPRISE
                ? Holder.enterprise(application.enterprise().map(Application.Enterprise::uscc).orElse(null),
                        application.enterprise().map(Application.Enterprise::name).orElse(null),
                        application.applicant().subject())
                : Holder.person(application.applicant().idNumber(), application.applicant().name(),
                        application.applicant().subject());
        LocalDate validUntil = null;
        if (spec != null && spec.validity() != null) {
            validUntil = LocalDate.ofInstant(clock.instant(), BEIJING).plusYears(spec.validity().years())
                    .plusMonths(spec.validity().months()).plusDays(spec.validity().days());
        }
        certificates.issue(new IssueRequest(application.id(), application.number(), type,
                text(declared.name(), type), declared.department(), holder, fields, validUntil));
    }

    private static Object typed(Object value, String type) {
        if ("date".equals(type) && value instanceof String text) {
            return LocalDate.parse(text);
        }
        return value;
    }

    private static Text text(org.tongban.workflow.LocalizedText text, String fallback) {
        return text == null ? new Text(fallback, fallback) : new Text(text.zh(), text.en() == null ? text.zh() : text.en());
    }
}

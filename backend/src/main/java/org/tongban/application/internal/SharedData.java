package org.tongban.application.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.tongban.audit.DataUse;
import org.tongban.exchange.BoundRecord;
import org.tongban.exchange.DataExchange;
import org.tongban.exchange.SharedRecord;
import org.tongban.exchange.Subject;
import org.tongban.shared.DomainException;
import org.tongban.workflow.DataCatalogue;
import org.tongban.workflow.Material;
import org.tongban.workflow.PublishedDefinition;
import org.tongban.workflow.ServiceInfo;
import org.tongban.workflow.Step;

/**
 * What an application takes from the departments instead of from the applicant (免提交): the records the applicant
 * agrees to share fill the answers they stand in for, and stand in for documents; at submission each is read for the
 * service's department (recorded in the person's data-use record) and bound to the application; record steps write
 * into registers. Everything through the {@link DataExchange}.
 */
@Component
class SharedData {

    private final DataExchange exchange;
    private final org.tongban.workflow.WorkflowDefinitions definitions;
    private final Clock clock;

    SharedData(DataExchange exchange, org.tongban.workflow.WorkflowDefinitions definitions, Clock clock) {
        this.exchange = exchange;
        this.definitions = definitions;
        this.clock = clock;
    }

    /** A dataset the service reads, as the applicant's page shows it. */
    record Source(ServiceInfo.DataSourceUse use, DataCatalogue.Dataset dataset, List<String> fields,
            List<String> materials, Application.SourceDecision decision, List<SharedRecord> records, BoundRecord bound) {
    }

    /** Every declared source with the applicant's decision and, while drafting, the records to choose from. */
    List<Source> sources(Application application, PublishedDefinition published) {
        List<BoundRecord> bound = application.status() == org.tongban.application.ApplicationStatus.DRAFT ? List.of()
                : exchange.boundTo(application.id());
        List<Source> sources = new ArrayList<>();
        for (ServiceInfo.DataSourceUse use : published.service().dataSources().values()) {
            DataCatalogue.Dataset dataset = dataset(published, use.dataset());
            Application.SourceDecision decision = application.source(use.dataset()).orElse(null);
            List<SharedRecord> records = application.status() == org.tongban.application.ApplicationStatus.DRAFT
                    ? subject(application, published, use).map(subject -> exchange.recordsAbout(use.dataset(), subject))
                            .orElse(List.of())
                    : List.of();
            sources.add(new Source(use, dataset, fieldsOf(published, use.dataset()), materialsOf(published, use.dataset()),
                    decision, records, bound.stream().filter(b -> b.record().dataset().equals(use.dataset())).findFirst()
                            .orElse(null)));
        }
        return sources;
    }

    /**
     * The answers after the applicant decided about a dataset: agreeing fills the answers it stands in for from the
     * chosen record; declining or disputing clears them. Sources that look up the person chosen in this one start
     * over.
     */
    Map<String, Object> decide(Application application, PublishedDefinition published, String dataset, String decision,
            String recordKey, String reason) {
        ServiceInfo.DataSourceUse use = published.service().dataSources().get(dataset);
        if (use == null) {
            throw new DomainException(ApplicationProblem.NO_SUCH_SOURCE);
        }
        Map<String, Object> answers = new LinkedHashMap<>(application.formData());
        String key = recordKey;
        if (Application.SourceDecision.GRANTED.equals(decision)) {
            List<SharedRecord> records = subject(application, published, use)
                    .map(subject -> exchange.recordsAbout(dataset, subject)).orElse(List.of());
            SharedRecord chosen = choose(records, recordKey);
            fill(answers, published, dataset, chosen);
            key = chosen.key();
        } else {
            clear(answers, published, dataset);
        }
        application.decideSource(new Application.SourceDecision(dataset, decision,
                Application.SourceDecision.GRANTED.equals(decision) ? key : null,
                Application.SourceDecision.DISPUTED.equals(decision) ? reason.strip() : null, clock.instant()),
                answers, clock.instant());
        // a source read for the person chosen here (the child's vaccinations) no longer fits
        for (ServiceInfo.DataSourceUse dependent : published.service().dataSources().values()) {
            if (dataset.equals(dependent.of()) && application.source(dependent.dataset()).isPresent()) {
                clear(answers, published, dependent.dataset());
                application.forgetSource(dependent.dataset(), answers, clock.instant());
            }
        }
        return answers;
    }

    /** The answers with what agreed records say put back: the applicant cannot change them. */
    Map<String, Object> lock(Application application, PublishedDefinition published, Map<String, Object> answers) {
        Map<String, Object> locked = new LinkedHashMap<>(answers);
        for (Application.SourceDecision decision : application.sources()) {
            if (!decision.granted()) {
                continue;
            }
            for (String path : fieldsOf(published, decision.dataset())) {
                set(locked, path, get(application.formData(), path));
            }
        }
        return locked;
    }

    /** The paths of the answers that agreed records give (locked on the form). */
    Set<String> lockedFields(Application application, PublishedDefinition published) {
        Set<String> locked = new LinkedHashSet<>();
        application.sources().stream().filter(Application.SourceDecision::granted)
                .forEach(decision -> locked.addAll(fieldsOf(published, decision.dataset())));
        return locked;
    }

    /** The materials that agreed records stand in for (nothing to upload). */
    Set<String> satisfiedMaterials(Application application, PublishedDefinition published) {
        Set<String> satisfied = new HashSet<>();
        for (Material material : published.service().materials()) {
            if (material.source() != null && application.source(material.source())
                    .filter(Application.SourceDecision::granted).isPresent()) {
                satisfied.add(material.code());
            }
        }
        return satisfied;
    }

    /**
     * At submission: reads every agreed record for the service's department (recorded) and binds it to the
     * application; answers them from the records as they are now.
     */
    Map<String, Object> bind(Application application, PublishedDefinition published, Map<String, Object> answers,
            String number) {
        Map<String, Object> bound = new LinkedHashMap<>(answers);
        // a source that names the person chosen in another comes after it
        List<ServiceInfo.DataSourceUse> ordered = new ArrayList<>(published.service().dataSources().values());
        ordered.sort((a, b) -> Boolean.compare(a.of() != null, b.of() != null));
        for (ServiceInfo.DataSourceUse source : ordered) {
            Optional<Application.SourceDecision> decision = application.source(source.dataset())
                    .filter(Application.SourceDecision::granted);
            if (decision.isEmpty()) {
                continue;
            }
            Subject subject = subject(application, published, source)
                    .orElseThrow(() -> new DomainException(ApplicationProblem.SOURCE_RECORD_GONE, source.dataset()));
            DataExchange.Use use = new DataExchange.Use(application.id(), number, owner(application), "system", null,
                    published.department(), source.purpose() == null ? source.dataset() : source.purpose().zh(), null);
            BoundRecord record = exchange.bind(use, source.dataset(), subject, decision.get().recordKey());
            fill(bound, published, source.dataset(), record.record());
        }
        return bound;
    }

    /** A record step: the values from the answers and the application's shared records, written into the register. */
    void record(Application application, PublishedDefinition published, Step.Automatic step) {
        Step.RecordSpec spec = step.record();
        if (spec == null) {
            return;
        }
        List<BoundRecord> bound = exchange.boundTo(application.id());
        Map<String, Object> values = new LinkedHashMap<>();
        spec.values().forEach((field, expression) -> {
            Object value = value(expression, application.formData(), bound);
            if (value != null) {
                values.put(field, value);
            }
        });
        String department = dataset(published, spec.dataset()).department();
        exchange.write(new DataExchange.Use(application.id(), application.number(), owner(application), "system", null,
                department, step.name().zh(), step.id()), spec.dataset(), values);
    }

    /** A form path ({@code newborn.name}) or {@code @dataset.field} of the application's shared records. */
    static Object value(String expression, Map<String, Object> form, List<BoundRecord> bound) {
        if (expression.startsWith("@")) {
            int dot = expression.indexOf('.');
            String dataset = expression.substring(1, dot);
            String field = expression.substring(dot + 1);
            return bound.stream().filter(b -> b.record().dataset().equals(dataset)).reduce((a, b) -> b)
                    .map(b -> b.record().data().get(field)).orElse(null);
        }
        return get(form, expression);
    }

    static DataUse.Owner owner(Application application) {
        return new DataUse.Owner(application.applicant().idNumber() != null ? application.applicant().idNumber()
                : "subject:" + application.applicant().subject(),
                application.enterprise().map(Application.Enterprise::uscc).orElse(null));
    }

    /** Whose records a source reads: the applicant's (or their enterprise's), or the person chosen in another source. */
    private Optional<Subject> subject(Application application, PublishedDefinition published,
            ServiceInfo.DataSourceUse use) {
        if (use.of() != null) {
            return application.source(use.of()).filter(Application.SourceDecision::granted)
                    .map(Application.SourceDecision::recordKey).map(Subject::person);
        }
        DataCatalogue.Dataset dataset = dataset(published, use.dataset());
        if (dataset.about() == DataCatalogue.About.ENTERPRISE) {
            return application.enterprise().map(enterprise -> Subject.enterprise(enterprise.uscc()));
        }
        return Optional.ofNullable(application.applicant().idNumber()).map(Subject::person);
    }

    private static SharedRecord choose(List<SharedRecord> records, String key) {
        if (key == null) {
            if (records.size() == 1) {
                return records.get(0);
            }
            throw new DomainException(records.isEmpty() ? ApplicationProblem.SOURCE_RECORD_GONE
                    : ApplicationProblem.SOURCE_CHOICE_NEEDED);
        }
        return records.stream().filter(record -> record.key().equals(key)).findFirst()
                .orElseThrow(() -> new DomainException(ApplicationProblem.SOURCE_RECORD_GONE, key));
    }

    private static void fill(Map<String, Object> answers, PublishedDefinition published, String dataset,
            SharedRecord record) {
        published.fieldSources().values().stream().filter(source -> source.dataset().equals(dataset))
                .forEach(source -> set(answers, source.path(), record.data().get(source.field())));
    }

    private static void clear(Map<String, Object> answers, PublishedDefinition published, String dataset) {
        fieldsOf(published, dataset).forEach(path -> set(answers, path, null));
    }

    private static List<String> fieldsOf(PublishedDefinition published, String dataset) {
        return published.fieldSources().values().stream().filter(source -> source.dataset().equals(dataset))
                .map(PublishedDefinition.FieldSource::path).toList();
    }

    private static List<String> materialsOf(PublishedDefinition published, String dataset) {
        return published.service().materials().stream().filter(material -> dataset.equals(material.source()))
                .map(Material::code).toList();
    }

    private DataCatalogue.Dataset dataset(PublishedDefinition published, String code) {
        return definitions.catalogue().dataset(code)
                .orElseThrow(() -> new DomainException(ApplicationProblem.NO_SUCH_SOURCE));
    }

    @SuppressWarnings("unchecked")
    static Object get(Map<String, Object> answers, String path) {
        Object current = answers;
        for (String segment : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(segment);
        }
        return current;
    }

    /** Sets (or with null removes) the answer at a dotted path, creating the groups on the way. */
    @SuppressWarnings("unchecked")
    static void set(Map<String, Object> answers, String path, Object value) {
        String[] segments = path.split("\\.");
        Map<String, Object> target = answers;
        for (int i = 0; i < segments.length - 1; i++) {
            Object next = target.get(segments[i]);
            if (!(next instanceof Map<?, ?>)) {
                if (value == null) {
                    return;
                }
                next = new LinkedHashMap<String, Object>();
                target.put(segments[i], next);
            } else if (!(next instanceof LinkedHashMap<?, ?>)) {
                next = new LinkedHashMap<>((Map<String, Object>) next);
                target.put(segments[i], next);
            }
            target = (Map<String, Object>) next;
        }
        if (value == null) {
            target.remove(segments[segments.length - 1]);
        } else {
            target.put(segments[segments.length - 1], value);
        }
    }
}

package org.tongban.workflow.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tongban.workflow.DataCatalogue;
import org.tongban.workflow.Material;
import org.tongban.workflow.PublishedDefinition;
import org.tongban.workflow.ServiceInfo;
import org.tongban.workflow.Step;

/**
 * The rules of shared data in a definition (免提交): the datasets a service reads exist in the data catalogue, are
 * declared with a purpose, may be read by the departments that will see them and fit the form fields they fill;
 * the certificates a service issues and the records it writes name real types, datasets and fields.
 */
final class SharedDataCheck {

    /** Reports one problem at a JSON pointer of the file. */
    interface Sink {
        void report(String pointer, String code, String... args);
    }

    private final WorkflowDefinition definition;
    private final DataCatalogue catalogue;
    private final Set<String> fields;
    private final Sink error;
    private final Sink warning;
    private final ServiceInfo service;

    SharedDataCheck(WorkflowDefinition definition, DataCatalogue catalogue, Set<String> fields, Sink error,
            Sink warning) {
        this.definition = definition;
        this.catalogue = catalogue;
        this.fields = fields;
        this.error = error;
        this.warning = warning;
        this.service = definition.service();
    }

    void run() {
        sources();
        fieldSources();
        materialSources();
        automaticSteps();
        if (service.certificate() != null && catalogue.dataset(service.certificate())
                .filter(type -> type.kind() == DataCatalogue.Kind.CERTIFICATE).isEmpty()) {
            error.report("/service/certificate", "certificate-unknown-type", service.certificate(), known(DataCatalogue.Kind.CERTIFICATE));
        }
    }

    private void sources() {
        service.dataSources().forEach((code, use) -> {
            String pointer = "/service/dataSources/" + code;
            DataCatalogue.Dataset dataset = catalogue.dataset(code).orElse(null);
            if (dataset == null) {
                error.report(pointer, "source-unknown-dataset", code, known(null));
                return;
            }
            if (dataset.about() == DataCatalogue.About.ENTERPRISE && !"business".equals(service.audience())) {
                error.report(pointer, "source-wrong-holder", code);
            }
            if (!dataset.readableBy(service.department())) {
                error.report(pointer, "source-not-readable", service.department(), code, dataset.department());
            }
            if (use.of() != null) {
                ServiceInfo.DataSourceUse other = service.dataSources().get(use.of());
                DataCatalogue.Dataset person = other == null ? null : catalogue.dataset(other.dataset()).orElse(null);
                if (person == null || use.of().equals(code) || person.about() != DataCatalogue.About.PERSON
                        || person.field("idNumber").isEmpty() || dataset.about() != DataCatalogue.About.PERSON) {
                    error.report(pointer + "/of", "source-of-invalid", use.of(), code);
                }
            }
        });
    }

    private void fieldSources() {
        Map<String, PublishedDefinition.FieldSource> sources = Published.sources(definition.formSchema());
        sources.forEach((path, source) -> {
            String pointer = "/form/schema/properties/" + path.replace(".", "/properties/") + "/"
                    + PublishedDefinition.SOURCE_KEYWORD;
            DataCatalogue.Dataset dataset = catalogue.dataset(source.dataset()).orElse(null);
            if (dataset == null) {
                error.report(pointer, "source-unknown-dataset", source.dataset(), known(null));
                return;
            }
            if (!service.dataSources().containsKey(source.dataset())) {
                error.report(pointer, "source-not-declared", source.dataset());
            }
            DataCatalogue.Field field = dataset.field(source.field()).orElse(null);
            if (field == null) {
                error.report(pointer, "source-unknown-field", source.field(), source.dataset(),
                        String.join(", ", dataset.fields().keySet()));
                return;
            }
            String formType = formType(path);
            if (!compatible(formType, field.type())) {
                error.report(pointer, "source-type-mismatch", path, formType, source.dataset() + "." + source.field(),
                        field.type());
            }
            for (Step.Task task : definition.tasks()) {
                if (task.sees(path) && !dataset.readableBy(task.department())) {
                    error.report(pointer, "source-not-readable", task.department(), source.dataset(), dataset.department());
                }
            }
        });
    }

    private void materialSources() {
        List<Material> materials = service.materials();
        for (int i = 0; i < materials.size(); i++) {
            Material material = materials.get(i);
            if (material.source() == null) {
                continue;
            }
            String pointer = "/service/materials/" + i + "/source";
            DataCatalogue.Dataset dataset = catalogue.dataset(material.source()).orElse(null);
            if (dataset == null) {
                error.report(pointer, "source-unknown-dataset", material.source(), known(null));
                continue;
            }
            if (!service.dataSources().containsKey(material.source())) {
                error.report(pointer, "source-not-declared", material.source());
            }
            for (Step.Task task : definition.tasks()) {
                if (task.visibleMaterials().contains(material.code()) && !dataset.readableBy(task.department())) {
                    error.report(pointer, "source-not-readable", task.department(), material.source(),
                            dataset.department());
                }
            }
        }
    }

    private void automaticSteps() {
        Set<String> written = new HashSet<>();
        definition.steps().values().forEach(step -> {
            if (step instanceof Step.Automatic automatic && automatic.record() != null) {
                written.add(automatic.record().dataset());
            }
        });
        for (Step step : definition.steps().values()) {
            if (!(step instanceof Step.Automatic automatic)) {
                continue;
            }
            String pointer = "/workflow/steps/" + automatic.id();
            if (Step.Automatic.ISSUE_CERTIFICATE.equals(automatic.action())) {
                certificate(automatic, pointer, written);
            } else if (Step.Automatic.RECORD.equals(automatic.action())) {
                record(automatic, pointer, written);
            }
        }
    }

    private void certificate(Step.Automatic step, String pointer, Set<String> written) {
        Step.CertificateSpec spec = step.certificate();
        if (spec == null) {
            // versions published before certificates carried data still load; a new file must say what is on it
            warning.report(pointer, "certificate-fields-missing", service.certificate() == null ? "" : service.certificate());
            return;
        }
        DataCatalogue.Dataset type = catalogue.dataset(spec.type())
                .filter(found -> found.kind() == DataCatalogue.Kind.CERTIFICATE).orElse(null);
        if (type == null) {
            error.report(pointer + "/certificate/type", "certificate-unknown-type", spec.type(), known(DataCatalogue.Kind.CERTIFICATE));
            return;
        }
        mapping(type, spec.fields(), pointer + "/certificate/fields", written, "certificate-field-unknown",
                "certificate-field-missing");
    }

    private void record(Step.Automatic step, String pointer, Set<String> written) {
        Step.RecordSpec spec = step.record();
        if (spec == null) {
            error.report(pointer, "record-missing");
            return;
        }
        DataCatalogue.Dataset dataset = catalogue.dataset(spec.dataset()).orElse(null);
        if (dataset == null) {
            error.report(pointer + "/record/dataset", "source-unknown-dataset", spec.dataset(), known(null));
            return;
        }
        if (dataset.kind() != DataCatalogue.Kind.REGISTER || !dataset.writable()) {
            error.report(pointer + "/record/dataset", "record-not-writable", spec.dataset(), dataset.department());
            return;
        }
        mapping(dataset, spec.values(), pointer + "/record/values", written, "record-field-unknown",
                "record-field-missing");
    }

    /** The dataset's fields ← form paths or @dataset.field of shared records. */
    private void mapping(DataCatalogue.Dataset target, Map<String, String> values, String pointer, Set<String> written,
            String unknownCode, String missingCode) {
        values.forEach((field, value) -> {
            String at = pointer + "/" + field;
            if (target.field(field).isEmpty()) {
                error.report(at, unknownCode, field, target.code(), String.join(", ", target.fields().keySet()));
                return;
            }
            if (value.startsWith("@")) {
                int dot = value.indexOf('.');
                String dataset = dot < 0 ? value.substring(1) : value.substring(1, dot);
                String sourceField = dot < 0 ? "" : value.substring(dot + 1);
                DataCatalogue.Dataset source = catalogue.dataset(dataset).orElse(null);
                if (source == null || (!service.dataSources().containsKey(dataset) && !written.contains(dataset))) {
                    error.report(at, "value-unknown-record", value);
                } else if (source.field(sourceField).isEmpty()) {
                    error.report(at, "source-unknown-field", sourceField, dataset, String.join(", ", source.fields().keySet()));
                }
            } else if (!fields.contains(value)) {
                error.report(at, "value-unknown-field", value);
            }
        });
        target.fields().values().stream().filter(DataCatalogue.Field::required)
                .filter(field -> !values.containsKey(field.code()))
                .forEach(field -> error.report(pointer, missingCode, field.code(), target.code()));
    }

    /** The form field's kind in the catalogue's terms: string, date, integer, number, boolean, string-list. */
    @SuppressWarnings("unchecked")
    private String formType(String path) {
        Object node = definition.formSchema();
        for (String segment : path.split("\\.")) {
            Object properties = node instanceof Map<?, ?> map ? map.get("properties") : null;
            node = properties instanceof Map<?, ?> props ? props.get(segment) : null;
        }
        if (!(node instanceof Map<?, ?> schema)) {
            return "unknown";
        }
        Object type = schema.get("type");
        if ("string".equals(type)) {
            return "date".equals(schema.get("format")) ? "date" : "string";
        }
        if ("array".equals(type)) {
            return schema.get("items") instanceof Map<?, ?> items && "string".equals(items.get("type")) ? "string-list"
                    : "array";
        }
        return String.valueOf(type);
    }

    private static boolean compatible(String formType, String datasetType) {
        return switch (formType) {
            case "string" -> "string".equals(datasetType) || "date".equals(datasetType);
            case "date" -> "date".equals(datasetType);
            case "number" -> "number".equals(datasetType) || "integer".equals(datasetType);
            default -> formType.equals(datasetType);
        };
    }

    private String known(DataCatalogue.Kind kind) {
        return String.join(", ", catalogue.all().stream().filter(dataset -> kind == null || dataset.kind() == kind)
                .map(DataCatalogue.Dataset::code).sorted().toList());
    }
}

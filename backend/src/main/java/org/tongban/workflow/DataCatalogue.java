package org.tongban.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The data catalogue (数据目录): what each department holds that other departments may reuse, so that nobody is
 * asked for it again — registers (the household register, business registrations, ...) and every type of
 * e-certificate the portal issues. Read from {@code workflows/catalogue/data-catalogue.yaml}; definitions name its
 * datasets where an answer or a material can come from shared data, and the validator checks them against it. The
 * records themselves live in the departments' tables, reached only through the {@code exchange} module.
 */
public final class DataCatalogue {

    /** A register a department keeps, or a type of e-certificate. */
    public enum Kind { REGISTER, CERTIFICATE }

    /** Whose records they are: a person's (by resident ID number) or an enterprise's (by its credit code). */
    public enum About { PERSON, ENTERPRISE }

    /**
     * One field of a dataset's records.
     *
     * @param type string, integer, number, boolean, date or string-list
     */
    public record Field(String code, String type, LocalizedText title, boolean required) {
    }

    /**
     * One dataset.
     *
     * @param many     a person may have several records (the applicant picks one), e.g. the household's members
     * @param key      the field that identifies a record
     * @param label    the field that names a record for the person choosing among several
     * @param readers  the departments, besides the owner, that may read it (with the person's consent)
     * @param writable a workflow's record step (or the owning department's system) may add records
     */
    public record Dataset(String code, Kind kind, String department, LocalizedText name, LocalizedText description,
            About about, boolean many, String key, String label, List<String> readers, boolean writable,
            Map<String, Field> fields) {

        public boolean readableBy(String reader) {
            return department.equals(reader) || readers.contains(reader);
        }

        public Optional<Field> field(String code) {
            return Optional.ofNullable(fields.get(code));
        }
    }

    private final Map<String, Dataset> datasets;

    public DataCatalogue(Collection<Dataset> datasets) {
        Map<String, Dataset> byCode = new LinkedHashMap<>();
        datasets.forEach(dataset -> byCode.put(dataset.code(), dataset));
        this.datasets = java.util.Collections.unmodifiableMap(byCode);
    }

    public Optional<Dataset> dataset(String code) {
        return Optional.ofNullable(code == null ? null : datasets.get(code));
    }

    public Collection<Dataset> all() {
        return datasets.values();
    }

    public static DataCatalogue fromClasspath() {
        InputStream in = DataCatalogue.class.getResourceAsStream("/workflows/catalogue/data-catalogue.yaml");
        if (in == null) {
            throw new IllegalStateException("workflows/catalogue/data-catalogue.yaml is not on the classpath");
        }
        return load(in);
    }

    public static DataCatalogue load(InputStream in) {
        try (in) {
            JsonNode root = YAMLMapper.builder().build().readTree(in);
            List<Dataset> datasets = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : root.path("datasets").properties()) {
                JsonNode node = entry.getValue();
                Map<String, Field> fields = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> field : node.path("fields").properties()) {
                    fields.put(field.getKey(), new Field(field.getKey(), field.getValue().path("type").asString("string"),
                            text(field.getValue().path("title")), field.getValue().path("required").asBoolean(false)));
                }
                List<String> readers = new ArrayList<>();
                node.path("readers").forEach(reader -> readers.add(reader.asString()));
                datasets.add(new Dataset(entry.getKey(),
                        "certificate".equals(node.path("kind").asString()) ? Kind.CERTIFICATE : Kind.REGISTER,
                        node.path("department").asString(), text(node.path("name")), text(node.path("description")),
                        "enterprise".equals(node.path("about").asString()) ? About.ENTERPRISE : About.PERSON,
                        node.path("many").asBoolean(false), node.path("key").asString(null),
                        node.path("label").asString(null), List.copyOf(readers), node.path("writable").asBoolean(false),
                        java.util.Collections.unmodifiableMap(fields)));
            }
            return new DataCatalogue(datasets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalizedText text(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return new LocalizedText(node.asString(), null);
        }
        return new LocalizedText(node.path("zh-CN").asString(null), node.path("en-US").asString(null));
    }
}

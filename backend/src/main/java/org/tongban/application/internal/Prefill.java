package org.tongban.application.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tongban.identity.Person;

/**
 * Fields the government already knows: a form field marked {@code x-prefill} in the service's JSON
 * Schema (person.name, person.nationalId, person.email, enterprise.name, enterprise.uscc) is filled
 * from the signed-in person's verified identity and cannot be changed by the applicant.
 */
final class Prefill {

    private Prefill() {
    }

    /** Field name -> value from the identity, for the fields the schema marks. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> values(Map<String, Object> formSchema, Person person) {
        Map<String, Object> values = new LinkedHashMap<>();
        Object properties = formSchema.get("properties");
        if (!(properties instanceof Map<?, ?> fields)) {
            return values;
        }
        for (Map.Entry<?, ?> field : fields.entrySet()) {
            if (!(field.getValue() instanceof Map<?, ?> definition)) {
                continue;
            }
            Object source = ((Map<String, Object>) definition).get("x-prefill");
            if (source == null) {
                continue;
            }
            Object value = switch (source.toString()) {
                case "person.name" -> person.displayName();
                case "person.nationalId" -> person.nationalId().map(id -> id.value()).orElse(null);
                case "person.email" -> person.email();
                case "enterprise.name" -> person.enterprise().map(e -> e.name()).orElse(null);
                case "enterprise.uscc" -> person.enterprise().map(e -> e.uscc().value()).orElse(null);
                default -> null;
            };
            if (value != null) {
                values.put(field.getKey().toString(), value);
            }
        }
        return values;
    }
}

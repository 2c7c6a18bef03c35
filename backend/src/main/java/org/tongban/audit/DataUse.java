package org.tongban.audit;

import java.util.List;

/**
 * One use of a person's or an enterprise's data by an official or by a department: who (the official's
 * subject and name, their department), whose data ({@link Owner}), what ({@code dataset}, {@code fields}),
 * why ({@code purpose}) and for which application. Officials' names are kept for the platform's audit and
 * never shown to the person.
 *
 * @param applicationId     null for a use outside an application (a department system reading its register)
 * @param applicationNumber the 办件编号 the person knows, when there is one
 * @param dataset           the data catalogue's dataset or certificate type read, or null for application data
 * @param step              the workflow step the official acted in, if any
 */
public record DataUse(Owner owner, String applicationId, String applicationNumber, String actor, String actorName,
        String actorDepartment, Kind kind, String purpose, String dataset, List<String> fields, String step) {

    public DataUse {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** Whose data: a person by their resident ID number (or portal subject), and/or an enterprise by its code. */
    public record Owner(String person, String enterprise) {

        public static Owner person(String nationalId, String subject) {
            return new Owner(nationalId != null ? nationalId : "subject:" + subject, null);
        }

        public static Owner enterprise(String uscc) {
            return new Owner(null, uscc);
        }
    }

    /** The kinds of use a person sees in their record. */
    public enum Kind {
        /** An official opened a step of the application (the step's visible answers). */
        TASK_OPENED("task-opened"),
        /** A department read shared data from another department's register (数据共享). */
        EXCHANGE_READ("exchange-read"),
        /** An official opened one of the application's documents. */
        ATTACHMENT_OPENED("attachment-opened"),
        /** An official looked up an e-certificate. */
        CERTIFICATE_LOOKUP("certificate-lookup"),
        /** A department recorded something about the person in its register (e.g. a birth registration). */
        RECORD_WRITTEN("record-written"),
        /** A department admin listed the applications waiting in their department with the applicants' names. */
        ASSIGNMENT_LIST("assignment-list");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Kind of(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException(code);
        }
    }
}

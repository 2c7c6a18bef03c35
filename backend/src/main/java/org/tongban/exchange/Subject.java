package org.tongban.exchange;

import org.tongban.workflow.DataCatalogue;

/** Whose records: a person by their resident ID number, or an enterprise by its unified social credit code. */
public record Subject(DataCatalogue.About kind, String id) {

    public static Subject person(String idNumber) {
        return new Subject(DataCatalogue.About.PERSON, idNumber);
    }

    public static Subject enterprise(String uscc) {
        return new Subject(DataCatalogue.About.ENTERPRISE, uscc);
    }
}

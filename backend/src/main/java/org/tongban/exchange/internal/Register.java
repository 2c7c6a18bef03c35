package org.tongban.exchange.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tongban.exchange.SharedRecord;
import org.tongban.exchange.Subject;

/** One dataset of the catalogue as the exchange reaches it: a department's table, or a certificate type. */
interface Register {

    String dataset();

    /** The records about a person or an enterprise. */
    List<SharedRecord> about(Subject subject);

    Optional<SharedRecord> byKey(String key);

    /**
     * Adds or replaces a record (a workflow's record step, or the department's own system).
     *
     * @param recordedBy who caused it: an application number, or the department system's subject
     * @throws UnsupportedOperationException for data nobody writes through the exchange
     */
    default SharedRecord put(Map<String, Object> values, String recordedBy) {
        throw new UnsupportedOperationException(dataset() + " is not written through the exchange");
    }
}

package org.tongban.exchange;

import java.time.Instant;
import java.util.Map;

/**
 * One record of a dataset as its department holds it.
 *
 * @param key        the value of the dataset's key field (or the certificate number)
 * @param label      what names the record to a person choosing among several (a child's name)
 * @param data       field → value, as the data catalogue names the fields (dates as ISO text)
 * @param department the department that holds (or issued) it
 * @param recordedAt when the department last recorded it
 */
public record SharedRecord(String dataset, String key, String label, Map<String, Object> data, String department,
        Instant recordedAt) {
}

package org.tongban.certificate;

/**
 * One entry printed on a certificate: an answer of the application, with its label.
 *
 * @param code  the answer's field code (stable; what the signature covers together with the value)
 * @param value a String, Number, Boolean, {@link java.time.LocalDate}, or a List of them
 */
public record Field(String code, Text label, Object value) {
}

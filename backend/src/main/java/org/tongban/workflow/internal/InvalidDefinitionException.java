package org.tongban.workflow.internal;

/** A definition that does not validate cannot be published; the report says why. */
public class InvalidDefinitionException extends RuntimeException {

    private final transient ValidationReport report;

    public InvalidDefinitionException(ValidationReport report) {
        super("Invalid workflow definition " + report.file() + ": " + report.errors());
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }
}

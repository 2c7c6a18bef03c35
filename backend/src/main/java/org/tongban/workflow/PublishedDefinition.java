package org.tongban.workflow;

import java.time.Instant;

/** A version of a service's definition as published: the number applications stay on. */
public record PublishedDefinition(long id, String serviceCode, int version, WorkflowDefinition definition,
        String sourceFile, Instant publishedAt, String publishedBy) {

    /** The department that owns the service (its admins publish it). */
    public String department() {
        return definition.service().department();
    }
}

package org.tongban.workflow;

import java.util.UUID;

/** The id of a running (or finished) workflow instance: one per application. */
public record InstanceId(String value) {

    public static InstanceId random() {
        return new InstanceId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}

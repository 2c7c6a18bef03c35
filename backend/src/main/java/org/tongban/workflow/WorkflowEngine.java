package org.tongban.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs applications through workflow definitions. Every call that changes something is one
 * database transaction: the new state, the history entry and the outgoing events are written
 * together or not at all; two actors racing on the same step cannot both succeed.
 */
public interface WorkflowEngine {

    /** Starts an application on the newest published version of the service's definition. */
    InstanceView start(String serviceCode, Map<String, Object> formData, Actor applicant);

    /** Starts an application on a given definition version. */
    InstanceView start(String serviceCode, int version, Map<String, Object> formData, Actor applicant);

    /**
     * Fires a command as an actor. Answers 409 (a problem) when the command is not possible at this
     * point or someone else acted first, 403 when this actor may not act on the step; either way
     * nothing changes.
     */
    InstanceView fire(InstanceId id, WorkflowCommand command, Actor actor);

    Optional<InstanceView> find(InstanceId id);

    List<HistoryEntry> history(InstanceId id);
}

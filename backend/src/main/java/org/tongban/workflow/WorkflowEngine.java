package org.tongban.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs applications through workflow definitions. Every call that changes something is one database
 * transaction: the new state, the history entry and the outgoing events are written together or not at all; two
 * actors racing on the same step cannot both succeed. Refusals are {@link org.tongban.shared.DomainException}s with
 * a {@link WorkflowProblem}; nothing changes then.
 */
public interface WorkflowEngine {

    /**
     * What an application starts with: the definition version it stays on, its id and 办件编号 (carried in every
     * event and shown in the queues), the applicant and their name (for the clerks' search), the answers.
     */
    record Start(String serviceCode, int version, String applicationId, String reference, Actor applicant,
            String applicantName, Map<String, Object> formData) {
    }

    InstanceView start(Start start);

    /** Fires a command as an actor. */
    InstanceView fire(InstanceId id, WorkflowCommand command, Actor actor);

    Optional<InstanceView> find(InstanceId id);

    List<HistoryEntry> history(InstanceId id);
}

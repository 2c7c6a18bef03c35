package org.tongban.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reading the queues, and claiming steps in them; the engine decides, this only lists and locks. */
public interface WorkflowQueries {

    /**
     * A page of a queue, filtered and sorted by deadline in the database.
     *
     * @param roles     the roles whose steps to list: realm roles, and a department's own roles as {@code department:role};
     *                  empty = every role (a department admin's overview)
     * @param claimedBy only steps this subject holds, or null
     * @param search    part of an application number (any letter case) or of the applicant's name, or null
     * @param light     only steps with this light, or null
     */
    Page queue(Set<String> departments, Set<String> roles, String serviceCode, InstanceView.Light light,
            String claimedBy, String search, int page, int size);

    /** One page of a queue, the total matching, and the counts per light of everything matching but the light. */
    record Page(List<WaitingStep> items, long total, Map<InstanceView.Light, Long> counts) {
    }

    Optional<WaitingStep> waitingStep(InstanceId instance, String step);

    /** Locks a waiting step to a clerk; answers false when someone else holds it. */
    boolean claim(InstanceId instance, String step, String clerk);

    /** Gives a claimed step back to the queue; only its holder (or a reassignment) can. */
    boolean release(InstanceId instance, String step, String clerk);

    /** A department admin gives the step to another clerk (or back to the queue with null). */
    boolean reassign(InstanceId instance, String step, String clerk);
}

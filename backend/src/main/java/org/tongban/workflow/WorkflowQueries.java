package org.tongban.workflow;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reading the queues, and claiming steps in them; the engine decides, this only lists and locks. */
public interface WorkflowQueries {

    /** Steps waiting for a clerk of these departments (not those waiting for an applicant's correction). */
    List<WaitingStep> waiting(Set<String> departments);

    Optional<WaitingStep> waitingStep(InstanceId instance, String step);

    /** Locks a waiting step to a clerk; answers false when someone else holds it. */
    boolean claim(InstanceId instance, String step, String clerk);

    /** Gives a claimed step back to the queue; only its holder (or a reassignment) can. */
    boolean release(InstanceId instance, String step, String clerk);

    /** A department admin gives the step to another clerk (or back to the queue with null). */
    boolean reassign(InstanceId instance, String step, String clerk);
}

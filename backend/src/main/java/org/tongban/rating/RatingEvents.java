package org.tongban.rating;

import java.time.Instant;

import org.tongban.workflow.WorkflowEvents;

/** What happens to ratings and rectifications, for the inbox (each carries the application's workflow reference). */
public final class RatingEvents {

    private RatingEvents() {
    }

    /** The application ended: the applicant is invited to rate it. */
    public record RatingInvited(WorkflowEvents.Ref ref) {
    }

    /** A bad rating opened a rectification for a department, to be answered by {@code dueAt}. */
    public record RectificationOpened(WorkflowEvents.Ref ref, String rectificationId, String department,
            Instant dueAt) {
    }

    /** The department answered a rectification: {@code kind} rectified, explained or disputed. */
    public record RectificationAnswered(WorkflowEvents.Ref ref, String rectificationId, String department,
            String kind) {
    }

    /** The platform admin decided a department's dispute: upheld (the rating no longer counts) or rejected. */
    public record DisputeDecided(WorkflowEvents.Ref ref, String rectificationId, String department, boolean upheld) {
    }
}

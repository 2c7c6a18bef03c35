package org.tongban.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tongban.workflow.Actor;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.WorkflowCommand.RequestCorrection;
import org.tongban.workflow.WorkflowCommand.Resubmit;
import org.tongban.workflow.WorkflowEvents.TimeLimitEscalated;
import org.tongban.workflow.WorkflowEvents.TimeLimitOverdue;
import org.tongban.workflow.WorkflowEvents.TimeLimitWarning;

/**
 * Time limits with a clock the test moves, on China's 2026 calendar (Asia/Shanghai): warning,
 * overdue and escalation fire once each, count working days across holidays and adjusted working
 * weekends, and stand still while the applicant corrects.
 */
class TimeLimitsTest {

    private final EngineFixture fixture = new EngineFixture();
    private final Actor business = Actor.applicant("business-1");
    private final Actor clerk = Actor.clerk("market-clerk", "market-regulation");

    private InstanceView startAcceptanceAt(String instant) {
        fixture.clock.set(Instant.parse(instant));
        // the acceptance step of the food business licence has a limit of one working day
        return fixture.start("food-business-licence", Map.of("businessArea", 80), business);
    }

    @Test
    void warningOverdueAndEscalationFireOnceEach() {
        InstanceView view = startAcceptanceAt("2026-03-02T01:00:00Z"); // Monday 09:00 in Beijing
        InstanceView.ActiveStep step = view.activeSteps().get(0);
        assertThat(step.dueAt()).isEqualTo("2026-03-03T16:00:00Z"); // end of Tuesday, Beijing time
        assertThat(step.light()).isEqualTo(InstanceView.Light.GREEN);

        assertThat(fixture.timers.fireDue()).isZero();

        fixture.clock.set(Instant.parse("2026-03-02T17:00:00Z")); // Tuesday 01:00: the last working day
        assertThat(fixture.timers.fireDue()).isEqualTo(1);
        assertThat(fixture.timers.fireDue()).isZero();
        assertThat(fixture.engine.find(view.id()).orElseThrow().activeSteps().get(0).light())
                .isEqualTo(InstanceView.Light.YELLOW);

        fixture.clock.set(Instant.parse("2026-03-03T17:00:00Z")); // Wednesday 01:00: overdue
        assertThat(fixture.timers.fireDue()).isEqualTo(1);
        assertThat(fixture.engine.find(view.id()).orElseThrow().activeSteps().get(0).light())
                .isEqualTo(InstanceView.Light.RED);

        fixture.clock.set(Instant.parse("2026-03-04T17:00:00Z")); // Thursday 01:00: a working day later
        assertThat(fixture.timers.fireDue()).isEqualTo(1);
        fixture.clock.set(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(fixture.timers.fireDue()).isZero();

        assertThat(fixture.events(TimeLimitWarning.class)).hasSize(1);
        assertThat(fixture.events(TimeLimitOverdue.class)).hasSize(1);
        assertThat(fixture.events(TimeLimitEscalated.class)).singleElement()
                .satisfies(e -> assertThat(e.department()).isEqualTo("market-regulation"));
    }

    @Test
    void aClockThatJumpsFiresEveryMissedTimerOnce() {
        InstanceView view = startAcceptanceAt("2026-03-02T01:00:00Z");
        fixture.clock.set(Instant.parse("2026-03-20T00:00:00Z"));
        assertThat(fixture.timers.fireDue()).isEqualTo(3);
        assertThat(fixture.timers.fireDue()).isZero();
        assertThat(view.activeSteps()).hasSize(1);
    }

    @Test
    void theNationalDayHolidayDoesNotCount() {
        // Wednesday 30 September 2026; 1-7 October are holidays
        InstanceView view = startAcceptanceAt("2026-09-30T02:00:00Z");
        assertThat(view.activeSteps().get(0).dueAt()).isEqualTo("2026-10-08T16:00:00Z"); // end of Thursday 8 October
    }

    @Test
    void anAdjustedWorkingSaturdayCounts() {
        // Friday 13 February 2026; Saturday 14 February is worked (调休) before the Spring Festival
        InstanceView view = startAcceptanceAt("2026-02-13T02:00:00Z");
        assertThat(view.activeSteps().get(0).dueAt()).isEqualTo("2026-02-14T16:00:00Z");
        // Friday 27 February: the next working day is the adjusted working Saturday 28 February
        InstanceView later = startAcceptanceAt("2026-02-27T02:00:00Z");
        assertThat(later.activeSteps().get(0).dueAt()).isEqualTo("2026-02-28T16:00:00Z");
    }

    @Test
    void theClockStandsStillWhileTheApplicantCorrects() {
        InstanceView view = startAcceptanceAt("2026-03-02T01:00:00Z"); // due end of Tuesday
        fixture.engine.fire(view.id(), new RequestCorrection("acceptance", List.of("floor-plan"), "请补充平面图"), clerk);

        fixture.clock.set(Instant.parse("2026-03-10T02:00:00Z")); // a week later, long past the old limit
        assertThat(fixture.timers.fireDue()).as("no timer while paused").isZero();
        assertThat(fixture.engine.find(view.id()).orElseThrow().activeSteps().get(0).light())
                .isEqualTo(InstanceView.Light.PAUSED);

        // resubmitted on Tuesday 10 March: the one working day left counts from there
        InstanceView resumed = fixture.engine.fire(view.id(), new Resubmit("acceptance"), business);
        InstanceView.ActiveStep step = resumed.activeSteps().get(0);
        assertThat(step.status()).isEqualTo("active");
        assertThat(step.dueAt()).isEqualTo("2026-03-11T16:00:00Z");
        assertThat(step.light()).isEqualTo(InstanceView.Light.GREEN);
        assertThat(fixture.timers.fireDue()).isZero();

        fixture.clock.set(Instant.parse("2026-03-11T17:00:00Z"));
        assertThat(fixture.timers.fireDue()).isEqualTo(2); // warning and overdue, once each
        assertThat(fixture.events(TimeLimitWarning.class)).hasSize(1);
        assertThat(fixture.events(TimeLimitOverdue.class)).hasSize(1);
    }
}

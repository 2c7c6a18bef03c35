package org.tongban.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.tongban.workflow.BusinessCalendar;

/**
 * The promised completion date moves with the time the applicant spent on corrections, in working days of the
 * shipped calendar (2026: Mid-Autumn 25–27 September, National Day 1–7 October, 调休 working Sunday 20 September).
 */
class PromisedDateTest {

    private final BusinessCalendar calendar = BusinessCalendar.fromClasspath();
    // Monday 14 September 2026, 10:00 in Beijing
    private final Instant submitted = Instant.parse("2026-09-14T02:00:00Z");

    private LocalDate promised(int pausedDays, Instant pausedSince, Instant now) {
        return PromisedDate.of(calendar, submitted, 10, new ApplicationRepository.Pause(pausedDays, pausedSince), now);
    }

    @Test
    void withoutCorrectionsTheServicesPromise() {
        assertThat(promised(0, null, submitted)).isEqualTo(LocalDate.of(2026, 9, 28));
    }

    @Test
    void answeredCorrectionsMoveTheDateByTheirWorkingDays() {
        // three working days with the applicant: the date moves past the National Day holidays
        assertThat(promised(3, null, submitted)).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void anOpenCorrectionMovesTheDateEachWorkingDayItWaits() {
        Instant asked = Instant.parse("2026-09-16T02:00:00Z"); // Wednesday
        assertThat(promised(0, asked, Instant.parse("2026-09-16T09:00:00Z"))).as("the same day")
                .isEqualTo(LocalDate.of(2026, 9, 28));
        assertThat(promised(0, asked, Instant.parse("2026-09-21T02:00:00Z"))).as("Monday after: Thu, Fri, the 调休 Sunday, Mon")
                .isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(promised(2, asked, Instant.parse("2026-09-18T02:00:00Z"))).as("earlier pauses add up")
                .isEqualTo(LocalDate.of(2026, 10, 9));
    }
}

package org.tongban.workflow.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.tongban.workflow.BusinessCalendar;
import org.tongban.workflow.InstanceView.Light;

/**
 * A step's time limit in working days (环节时限), counted from the working day after it started:
 * due at the end of the n-th working day, yellow from the start of that day, escalated at the end
 * of the following working day. A limit in hours runs around the clock: yellow after three quarters,
 * due and escalated when the hours are over. While the applicant corrects, the remaining working days are kept
 * and the clock starts again from the day of resubmission.
 */
final class Deadlines {

    private final BusinessCalendar calendar;

    Deadlines(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    record Limits(Instant warnAt, Instant dueAt, Instant escalateAt) {
    }

    Limits from(Instant start, int workingDays) {
        LocalDate dueDay = calendar.addWorkingDays(day(start), Math.max(1, workingDays));
        return limits(dueDay);
    }

    /**
     * A time limit in hours around the clock (weekends and holidays count): yellow when three quarters have passed,
     * red and escalated when the hours are over.
     */
    Limits fromHours(Instant start, int hours) {
        return minutes(start, Math.max(1, hours) * 60L);
    }

    /** How many minutes of an hours limit are left when the clock is paused at {@code now} (at least one). */
    static int remainingMinutes(Instant now, Instant dueAt) {
        return (int) Math.max(1, java.time.Duration.between(now, dueAt).toMinutes());
    }

    /** An hours limit running again with the minutes it had left. */
    Limits resumeMinutes(Instant now, int remainingMinutes) {
        return minutes(now, Math.max(1, remainingMinutes));
    }

    private static Limits minutes(Instant start, long minutes) {
        Instant dueAt = start.plus(java.time.Duration.ofMinutes(minutes));
        return new Limits(start.plus(java.time.Duration.ofMinutes(minutes * 3 / 4)), dueAt, dueAt);
    }

    /** How many working days are left when the clock is paused at {@code now}. */
    int remaining(Instant now, Instant dueAt) {
        LocalDate dueDay = day(dueAt.minusNanos(1));
        return Math.max(1, calendar.workingDaysBetween(day(now), dueDay));
    }

    Limits resume(Instant now, int remainingWorkingDays) {
        return limits(calendar.addWorkingDays(day(now), Math.max(1, remainingWorkingDays)));
    }

    static Light light(Instant now, Instant warnAt, Instant dueAt, boolean paused) {
        if (paused) {
            return Light.PAUSED;
        }
        if (!now.isBefore(dueAt)) {
            return Light.RED;
        }
        return now.isBefore(warnAt) ? Light.GREEN : Light.YELLOW;
    }

    private Limits limits(LocalDate dueDay) {
        ZoneId zone = calendar.zone();
        Instant warnAt = dueDay.atStartOfDay(zone).toInstant();
        Instant dueAt = dueDay.plusDays(1).atStartOfDay(zone).toInstant();
        Instant escalateAt = calendar.addWorkingDays(dueDay, 1).plusDays(1).atStartOfDay(zone).toInstant();
        return new Limits(warnAt, dueAt, escalateAt);
    }

    private LocalDate day(Instant instant) {
        return instant.atZone(calendar.zone()).toLocalDate();
    }
}

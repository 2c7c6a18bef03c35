package org.tongban.application.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.tongban.workflow.BusinessCalendar;

/**
 * The promised completion date (承诺办结日期) of a submitted application: the service's promised working days after
 * the day of submission, plus the working days the applicant was answering corrections — 补正 stops the clock, for
 * the application as for each step. An open correction counts from the day it was asked for until today, so the
 * date moves on while the applicant has the file.
 */
final class PromisedDate {

    private PromisedDate() {
    }

    static LocalDate of(BusinessCalendar calendar, Instant submittedAt, int promisedWorkingDays,
            ApplicationRepository.Pause pause, Instant now) {
        int paused = pause.pausedDays();
        if (pause.pausedSince() != null) {
            paused += calendar.workingDaysBetween(date(calendar, pause.pausedSince()), date(calendar, now));
        }
        return calendar.addWorkingDays(date(calendar, submittedAt), promisedWorkingDays + paused);
    }

    static LocalDate date(BusinessCalendar calendar, Instant instant) {
        return instant.atZone(calendar.zone()).toLocalDate();
    }
}

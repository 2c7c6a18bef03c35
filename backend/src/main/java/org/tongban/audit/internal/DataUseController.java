package org.tongban.audit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.audit.DataAccessLog;
import org.tongban.identity.CurrentPerson;
import org.tongban.identity.Person;
import org.tongban.identity.Role;
import org.tongban.web.ProblemException;
import org.tongban.web.ProblemType;

/**
 * 我的数据使用记录: every use of the signed-in person's data (and of their enterprise's, for a business user) — which
 * department, when, what data, why, for which application. The officials are not named: as on the timeline, the
 * person sees the department that acted.
 */
@RestController
@Tag(name = "Data use")
class DataUseController {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final DataAccessLog log;
    private final CurrentPerson currentPerson;

    DataUseController(DataAccessLog log, CurrentPerson currentPerson) {
        this.log = log;
        this.currentPerson = currentPerson;
    }

    /**
     * One use: {@code kind} task-opened, exchange-read, attachment-opened, certificate-lookup, record-written or
     * assignment-list; {@code dataset} a code of the data catalogue (null for the application's own answers).
     */
    record DataUseView(long id, Instant at, String department, String kind, String purpose, String dataset,
            List<String> fields, String applicationNumber, boolean enterprise) {
    }

    @GetMapping("/api/v1/me/data-uses")
    @Operation(summary = "Every use of my data (and my enterprise's) by departments, newest first; from/to are dates (yyyy-MM-dd, Beijing time)")
    List<DataUseView> mine(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String department) {
        Person person = currentPerson.require();
        if (department != null && (department.isBlank() || department.length() > 64)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST);
        }
        Instant start = day(from, false);
        Instant end = day(to, true);
        String enterprise = person.hasRole(Role.BUSINESS)
                ? person.enterprise().map(e -> e.uscc().value()).orElse(null) : null;
        return log.ofOwner(person.nationalId().map(id -> id.value()).orElse(null), person.subject(), enterprise, start,
                end, department, 500).stream()
                .map(recorded -> new DataUseView(recorded.id(), recorded.at(), recorded.use().actorDepartment(),
                        recorded.use().kind().code(), recorded.use().purpose(), recorded.use().dataset(),
                        recorded.use().fields(), recorded.use().applicationNumber(),
                        recorded.use().owner().person() == null))
                .toList();
    }

    /** The start of a day, or of the day after it for the end of a period. */
    private static Instant day(String date, boolean end) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(date);
            return (end ? day.plusDays(1) : day).atStartOfDay(BEIJING).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST);
        }
    }
}

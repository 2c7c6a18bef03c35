package org.tongban.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Working days (工作日) in mainland China: Monday to Friday, minus public holidays, plus the
 * weekends that are worked instead (调休). The holidays come as data
 * ({@code workflows/calendar/cn-holidays.yaml}), year by year as the State Council publishes them.
 */
public final class BusinessCalendar {

    private final ZoneId zone;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingWeekends;
    private final Set<Integer> years;

    public BusinessCalendar(ZoneId zone, Set<LocalDate> holidays, Set<LocalDate> workingWeekends, Set<Integer> years) {
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
        this.workingWeekends = Set.copyOf(workingWeekends);
        this.years = Set.copyOf(years);
    }

    /** Reads the calendar file (classpath {@code workflows/calendar/cn-holidays.yaml} by default). */
    public static BusinessCalendar load(InputStream in) {
        try (in) {
            JsonNode root = YAMLMapper.builder().build().readTree(in);
            Set<LocalDate> holidays = new HashSet<>();
            Set<LocalDate> working = new HashSet<>();
            Set<Integer> years = new TreeSet<>();
            for (Map.Entry<String, JsonNode> year : root.path("years").properties()) {
                years.add(Integer.parseInt(year.getKey()));
                year.getValue().path("holidays").forEach(day -> holidays.add(LocalDate.parse(day.path("date").asString())));
                year.getValue().path("workingWeekends")
                        .forEach(day -> working.add(LocalDate.parse(day.path("date").asString())));
            }
            return new BusinessCalendar(ZoneId.of(root.path("timezone").asString("Asia/Shanghai")), holidays,
                    working, years);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BusinessCalendar fromClasspath() {
        InputStream in = BusinessCalendar.class.getResourceAsStream("/workflows/calendar/cn-holidays.yaml");
        if (in == null) {
            throw new IllegalStateException("workflows/calendar/cn-holidays.yaml is not on the classpath");
        }
        return load(in);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The years the calendar has data for; outside them only weekends are known. */
    public Set<Integer> years() {
        return years;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (workingWeekends.contains(date)) {
            return true;
        }
        if (holidays.contains(date)) {
            return false;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The n-th working day after {@code date} (the date itself does not count); n = 0 is the date itself. */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        LocalDate current = date;
        int left = n;
        while (left > 0) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                left--;
            }
        }
        return current;
    }

    /** Working days in (from, to]: how many working days remain after {@code from} until {@code to}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}

package org.tongban.exchange.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.exchange.SharedRecord;
import org.tongban.exchange.Subject;
import org.tongban.shared.DomainException;
import org.tongban.workflow.DataCatalogue;

/**
 * A register kept in one table whose key is the person's (or enterprise's) own identifier: a record per person,
 * looked up by that identifier. Columns are named after the catalogue's fields (camelCase → snake_case).
 */
class TableRegister implements Register {

    protected final JdbcClient jdbc;
    protected final Clock clock;
    protected final DataCatalogue.Dataset dataset;
    protected final String table;
    protected final String keyColumn;
    /** The table says who caused each record (an application number, a department system). */
    private final boolean recordedBy;

    TableRegister(JdbcClient jdbc, Clock clock, DataCatalogue.Dataset dataset, String table, boolean recordedBy) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dataset = dataset;
        this.table = table;
        this.keyColumn = column(dataset.key());
        this.recordedBy = recordedBy;
    }

    @Override
    public String dataset() {
        return dataset.code();
    }

    @Override
    public List<SharedRecord> about(Subject subject) {
        if (subject.kind() != dataset.about() || subject.id() == null) {
            return List.of();
        }
        return byKey(subject.id()).map(List::of).orElse(List.of());
    }

    @Override
    public Optional<SharedRecord> byKey(String key) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE " + keyColumn + " = ?").param(key)
                .query((rs, n) -> record(rs)).optional();
    }

    @Override
    public SharedRecord put(Map<String, Object> values, String recordedBy) {
        Map<String, Object> row = columns(values);
        Object key = row.get(keyColumn);
        if (key == null) {
            throw new DomainException(ExchangeProblem.RECORD_INCOMPLETE, dataset.key());
        }
        row.put("updated_at", Timestamp.from(clock.instant()));
        if (this.recordedBy) {
            row.put("recorded_by", recordedBy);
        }
        List<String> names = new ArrayList<>(row.keySet());
        List<String> assignments = names.stream().filter(name -> !name.equals(keyColumn)).map(name -> name + " = ?")
                .toList();
        List<Object> params = new ArrayList<>(names.stream().filter(name -> !name.equals(keyColumn)).map(row::get)
                .toList());
        params.add(key);
        int updated = jdbc.sql("UPDATE " + table + " SET " + String.join(", ", assignments) + " WHERE " + keyColumn
                + " = ?").params(params).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")")
                    .params(names.stream().map(row::get).toList()).update();
        }
        return byKey(String.valueOf(key)).orElseThrow();
    }

    /** The catalogue's fields of a row, with the values as a form holds them (dates as ISO text). */
    protected SharedRecord record(ResultSet rs) throws SQLException {
        Map<String, Object> data = new LinkedHashMap<>();
        for (DataCatalogue.Field field : dataset.fields().values()) {
            String column = column(field.code());
            if (!hasColumn(rs, column)) {
                continue;
            }
            Object value = value(rs, column, field.type());
            if (value != null) {
                data.put(field.code(), value);
            }
        }
        Timestamp updated = rs.getTimestamp("updated_at");
        String key = String.valueOf(data.get(dataset.key()));
        Object label = dataset.label() == null ? key : data.get(dataset.label());
        return new SharedRecord(dataset.code(), key, label == null ? key : label.toString(), data, dataset.department(),
                updated == null ? null : updated.toInstant());
    }

    /** Values from a workflow or a department system, in the columns' types. */
    protected Map<String, Object> columns(Map<String, Object> values) {
        Map<String, Object> row = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            DataCatalogue.Field declared = dataset.field(field)
                    .orElseThrow(() -> new DomainException(ExchangeProblem.UNKNOWN_FIELD, field, dataset.code()));
            row.put(column(field), columnValue(value, declared));
        });
        for (DataCatalogue.Field field : dataset.fields().values()) {
            if (field.required() && row.get(column(field.code())) == null && !field.code().equals(dataset.key())) {
                throw new DomainException(ExchangeProblem.RECORD_INCOMPLETE, field.code());
            }
        }
        return row;
    }

    private static Object columnValue(Object value, DataCatalogue.Field field) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            return null;
        }
        try {
            return switch (field.type()) {
                case "date" -> java.sql.Date.valueOf(LocalDate.parse(value.toString()));
                case "number", "integer" -> new BigDecimal(value.toString());
                case "boolean" -> value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
                default -> value.toString();
            };
        } catch (RuntimeException e) {
            throw new DomainException(ExchangeProblem.BAD_VALUE, field.code());
        }
    }

    private static Object value(ResultSet rs, String column, String type) throws SQLException {
        Object raw = rs.getObject(column);
        if (raw == null) {
            return null;
        }
        return switch (type) {
            case "date" -> rs.getObject(column, LocalDate.class).toString();
            case "integer" -> ((Number) raw).longValue();
            case "number" -> raw instanceof BigDecimal decimal ? decimal.stripTrailingZeros().doubleValue()
                    : ((Number) raw).doubleValue();
            case "boolean" -> raw instanceof Boolean b ? b : ((Number) raw).intValue() != 0;
            default -> raw.toString();
        };
    }

    private static boolean hasColumn(ResultSet rs, String column) throws SQLException {
        var meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnLabel(i).equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    /** {@code householdNumber} → {@code household_number}. */
    static String column(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

}

package org.tongban.exchange.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.exchange.SharedRecord;
import org.tongban.exchange.Subject;
import org.tongban.shared.DomainException;
import org.tongban.workflow.DataCatalogue;

/**
 * 户籍: public security's household register, as two datasets over the same tables — the household a person is
 * registered in ({@code household-register}), and the other members of that household ({@code household-member}), to
 * which a birth registration adds the child with a newly assigned resident ID number.
 */
final class HouseholdRegisters {

    private HouseholdRegisters() {
    }

    /** The household the person is a member of. */
    static final class Households extends TableRegister {

        Households(JdbcClient jdbc, Clock clock, DataCatalogue.Dataset dataset) {
            super(jdbc, clock, dataset, "ex_household", false);
        }

        @Override
        public List<SharedRecord> about(Subject subject) {
            if (subject.kind() != DataCatalogue.About.PERSON || subject.id() == null) {
                return List.of();
            }
            return jdbc.sql("""
                    SELECT h.* FROM ex_household h JOIN ex_household_member m ON m.household_number = h.household_number
                    WHERE m.id_number = ?""").param(subject.id()).query((rs, n) -> record(rs)).list();
        }
    }

    /** The other members of the person's household. */
    static final class Members extends TableRegister {

        private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

        Members(JdbcClient jdbc, Clock clock, DataCatalogue.Dataset dataset) {
            super(jdbc, clock, dataset, "ex_household_member", true);
        }

        @Override
        public List<SharedRecord> about(Subject subject) {
            if (subject.kind() != DataCatalogue.About.PERSON || subject.id() == null) {
                return List.of();
            }
            return jdbc.sql("""
                    SELECT o.* FROM ex_household_member m JOIN ex_household_member o ON o.household_number = m.household_number
                    WHERE m.id_number = ? AND o.id_number <> m.id_number ORDER BY o.birth_date, o.id_number""")
                    .param(subject.id()).query((rs, n) -> record(rs)).list();
        }

        /**
         * Registers a member. A newborn has no resident ID number yet: the register assigns one (公民身份号码: the
         * household's area code, the date of birth, a sequence whose parity is the sex, the check character).
         */
        @Override
        public SharedRecord put(Map<String, Object> values, String recordedBy) {
            Map<String, Object> row = columns(values);
            String household = (String) row.get("household_number");
            String area = jdbc.sql("SELECT head_id_number FROM ex_household WHERE household_number = ?").param(household)
                    .query(String.class).optional().filter(id -> id != null && id.length() >= 6)
                    .map(id -> id.substring(0, 6))
                    .orElseThrow(() -> new DomainException(ExchangeProblem.NO_SUCH_RECORD, household));
            if (row.get("id_number") == null) {
                row.put("id_number", newIdNumber(area, ((Date) row.get("birth_date")).toLocalDate(),
                        "female".equals(row.get("gender"))));
            }
            if (row.get("registered_on") == null) {
                row.put("registered_on", Date.valueOf(LocalDate.ofInstant(clock.instant(), BEIJING)));
            }
            row.put("recorded_by", recordedBy);
            row.put("updated_at", Timestamp.from(clock.instant()));
            List<String> names = List.copyOf(row.keySet());
            if (jdbc.sql("SELECT COUNT(*) FROM ex_household_member WHERE id_number = ?").param(row.get("id_number"))
                    .query(Long.class).single() > 0) {
                throw new DomainException(ExchangeProblem.ALREADY_RECORDED, row.get("id_number"));
            }
            jdbc.sql("INSERT INTO ex_household_member (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")")
                    .params(names.stream().map(row::get).toList()).update();
            return byKey((String) row.get("id_number")).orElseThrow();
        }

        private String newIdNumber(String area, LocalDate birthDate, boolean female) {
            String prefix = area + birthDate.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            int start = ThreadLocalRandom.current().nextInt(500);
            for (int i = 0; i < 500; i++) {
                int sequence = (start + i) % 500 * 2 + (female ? 0 : 1);
                String candidate = withCheckCharacter(prefix + String.format("%03d", sequence));
                if (jdbc.sql("SELECT COUNT(*) FROM ex_household_member WHERE id_number = ?").param(candidate)
                        .query(Long.class).single() == 0) {
                    return candidate;
                }
            }
            throw new IllegalStateException("No free sequence number for " + prefix);
        }

        /** GB 11643: the 18th character is the weighted sum of the first 17 modulo 11, mapped to 1 0 X 9 … 2. */
        static String withCheckCharacter(String first17) {
            int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (first17.charAt(i) - '0') * weights[i];
            }
            return first17 + "10X98765432".charAt(sum % 11);
        }
    }
}

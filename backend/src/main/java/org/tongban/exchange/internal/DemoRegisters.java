package org.tongban.exchange.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's registers, matching the demo accounts of the realm file: 张三's household (his wife 王芳, their
 * children 张小明 and 张小红) with the children's vaccination records, 李四's household and her employment record,
 * 王五's company. Written once, when the household register is empty; only with the demo profile, never in production.
 */
@Component
@Profile("demo")
class DemoRegisters implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRegisters.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoRegisters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM ex_household").query(Long.class).single() > 0) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        household("110105-00001", "北京市西城区金融大街1号", "张三", "110105199003071239", "2015-06-18", now);
        member("110105199003071239", "110105-00001", "张三", "male", "1990-03-07", "汉族", "户主", now);
        member("110105199205121222", "110105-00001", "王芳", "female", "1992-05-12", "汉族", "妻", now);
        member("110105201906011237", "110105-00001", "张小明", "male", "2019-06-01", "汉族", "子", now);
        member("11010520210915124X", "110105-00001", "张小红", "female", "2021-09-15", "汉族", "女", now);
        household("310115-00002", "上海市浦东新区世纪大道100号", "李四", "310115198511124566", "2012-03-01", now);
        member("310115198511124566", "310115-00002", "李四", "female", "1985-11-12", "汉族", "户主", now);
        household("330106-00003", "浙江省杭州市西湖区文三路90号", "王五", "330106198805217896", "2016-08-08", now);
        member("330106198805217896", "330106-00003", "王五", "male", "1988-05-21", "汉族", "户主", now);

        jdbc.sql("""
                INSERT INTO ex_business_registration (uscc, name, entity_type, legal_representative, registered_address,
                    registered_capital, business_scope, established_on, status, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params("91330106MA2GL5XK00", "杭州通达科技有限公司", "有限责任公司（自然人投资或控股）", "王五",
                        "浙江省杭州市西湖区文三路90号", 500, "技术开发、技术咨询、技术服务；餐饮服务；食品销售",
                        Date.valueOf(LocalDate.parse("2019-04-16")), "存续", now)
                .update();
        vaccination("110105201906011237", "张小明", "JZ2019-0601", true, "2025-06-03", now);
        vaccination("11010520210915124X", "张小红", "JZ2021-0915", false, "2025-09-20", now);
        jdbc.sql("""
                INSERT INTO ex_medical_insurance (id_number, name, scheme, enrolled_on, status, recorded_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params("110105199003071239", "张三", "职工基本医疗保险", Date.valueOf("2012-07-01"), "参保缴费", "demo", now)
                .update();
        jdbc.sql("""
                INSERT INTO ex_social_insurance (id_number, name, last_employer_name, last_employer_uscc,
                    employment_end_date, separation_reason, contribution_years, unemployment_registered_on, bank_name,
                    bank_account_number, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params("310115198511124566", "李四", "上海浦江物流有限公司", "91310115MA1H7Y8P3B",
                        Date.valueOf("2026-10-31"), "contract-expired", 8.5, Date.valueOf("2026-11-10"), "中国工商银行上海浦东分行",
                        "6222021001123456789", now)
                .update();
        log.info("Demo registers written: 3 households, 1 business registration, vaccination, insurance and employment records");
    }

    private void household(String number, String address, String head, String headId, String since, Timestamp now) {
        jdbc.sql("""
                INSERT INTO ex_household (household_number, address, head_name, head_id_number, registered_on, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(number, address, head, headId, Date.valueOf(since), now).update();
    }

    private void member(String id, String household, String name, String gender, String born, String ethnicity,
            String relationship, Timestamp now) {
        jdbc.sql("""
                INSERT INTO ex_household_member (id_number, household_number, name, gender, birth_date, ethnicity,
                    relationship_to_head, registered_on, recorded_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, household, name, gender, Date.valueOf(born), ethnicity, relationship, Date.valueOf(born),
                        "demo", now)
                .update();
    }

    private void vaccination(String id, String name, String number, boolean complete, String lastDose, Timestamp now) {
        jdbc.sql("""
                INSERT INTO ex_vaccination (id_number, name, certificate_number, complete, last_dose_on, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(id, name, number, complete, Date.valueOf(lastDose), now).update();
    }
}

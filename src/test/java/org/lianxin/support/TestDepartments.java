package org.lianxin.support;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Departments of the tests' own (ids t-*), so that tests do not depend on the sample directory. */
public final class TestDepartments {

    private TestDepartments() {
    }

    /** t-water (email and SMS, two mailboxes), t-town (SMS only), t-closed (inactive). */
    public static void ensure(JdbcTemplate db) {
        department(db, "t-water", "测试水务局", true, true, List.of("water@t.example.cn", "water2@t.example.cn"),
                List.of("13900009001"));
        department(db, "t-town", "测试镇人民政府", false, true, List.of("town@t.example.cn"), List.of("13900009002"));
        department(db, "t-closed", "已撤销单位", true, true, List.of("closed@t.example.cn"), List.of());
        db.update("update department set active = false where id = 't-closed'");
    }

    public static void department(JdbcTemplate db, String id, String name, boolean email, boolean sms,
            List<String> emails, List<String> mobiles) {
        department(db, id, name, email, sms, false, emails, mobiles);
    }

    /** Once per schema: the test contexts share it among test classes. */
    public static void department(JdbcTemplate db, String id, String name, boolean email, boolean sms,
            boolean maySeePhone, List<String> emails, List<String> mobiles) {
        if (db.queryForObject("select count(*) from department where id = ?", Long.class, id) > 0) {
            return;
        }
        db.update("insert into department (id, name, kind, prefers_email, prefers_sms, may_see_phone, active, "
                + "updated_at) values (?, ?, 'department', ?, ?, ?, true, now())", id, name, email, sms, maySeePhone);
        emails.forEach(a -> db.update("insert into department_address values (?, 'email', ?)", id, a));
        mobiles.forEach(a -> db.update("insert into department_address values (?, 'mobile', ?)", id, a));
    }
}

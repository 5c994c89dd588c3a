package org.lianxin.support;

import java.util.List;

import org.lianxin.security.SecurityConfig;
import org.lianxin.security.StaffUsers;
import org.springframework.jdbc.core.JdbcTemplate;

/** A staff account with the SUPERVISOR role only, for the supervisors' pages. */
public final class TestSupervisors {

    public static final String USERNAME = "t-supervisor";
    public static final String PASSWORD = "t-supervisor-password";

    private TestSupervisors() {
    }

    /** Logged in as the test supervisor, created once per schema. */
    public static PageSession loggedIn(int port, JdbcTemplate db, StaffUsers users) {
        if (db.queryForObject("select count(*) from staff_user where username = ?", Long.class, USERNAME) == 0) {
            users.create(USERNAME, PASSWORD, "测试督办员", List.of(SecurityConfig.SUPERVISOR));
        }
        return PageSession.loggedIn(port, USERNAME, PASSWORD);
    }
}

package org.lianxin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.PageSession;
import org.lianxin.support.TestEnvironment;

/** The admin keeps the staff accounts at /admin/users: who may log in, with which roles and password. */
@LianxinTest
class StaffAccountsPageTest extends HubTestSupport {

    static final String CSRF = PageSession.CSRF;

    /** Whether that login gets in: the login form answers with a redirect that names an error when it does not. */
    boolean logsIn(String username, String password) {
        PageSession session = new PageSession(port);
        HttpAnswer form = session.get("/login");
        HttpAnswer answer = session.postForm("/login", Map.of("username", username, "password", password,
                CSRF, PageSession.hidden(form, CSRF)));
        return answer.status() == 302 && !answer.header("Location").contains("error");
    }

    /** Submits an admin form and opens the page it leads back to, as a browser does; what it says was refused. */
    String submit(PageSession admin, String path, Map<String, String> fields) {
        HttpAnswer answer = admin.postForm(path, fields);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
        assertThat(answer.header("Location")).endsWith("/admin/users");
        return Jsoup.parse(admin.get("/admin/users").text()).select("#refused").text();
    }

    @Test
    void theAdminAddsDeskStaffChangesTheirLoginAndPasswordAndCannotLockThemselvesOut() {
        PageSession admin = PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD);
        String csrf = PageSession.hidden(admin.get("/admin/users"), CSRF);

        assertThat(submit(admin, "/admin/users", Map.of(CSRF, csrf, "username", "desk-ann", "password", "short",
                "roles", "DESK"))).contains("password");
        assertThat(submit(admin, "/admin/users", Map.of(CSRF, csrf, "username", "Desk Ann", "password",
                "long-enough-1", "roles", "DESK"))).contains("username");
        assertThat(submit(admin, "/admin/users", Map.of(CSRF, csrf, "username", "desk-ann", "password",
                "long-enough-1"))).contains("roles");
        assertThat(logsIn("desk-ann", "long-enough-1")).isFalse();

        assertThat(submit(admin, "/admin/users", Map.of(CSRF, csrf, "username", "desk-ann",
                "password", "long-enough-1", "displayName", "安接待", "roles", "DESK"))).isEmpty();
        assertThat(Jsoup.parse(admin.get("/admin/users").text()).select("#user-desk-ann").text()).contains("desk-ann");
        PageSession ann = PageSession.loggedIn(port, "desk-ann", "long-enough-1");
        assertThat(ann.get("/desk").status()).isEqualTo(200);
        assertThat(ann.get("/triage").status()).isEqualTo(403);
        assertThat(ann.get("/admin/users").status()).isEqualTo(403);

        // turned off: no login; on again with a new password: the new one only
        assertThat(submit(admin, "/admin/users/desk-ann", Map.of(CSRF, csrf, "displayName", "安接待",
                "roles", "DESK"))).isEmpty();
        assertThat(logsIn("desk-ann", "long-enough-1")).isFalse();
        assertThat(submit(admin, "/admin/users/desk-ann", Map.of(CSRF, csrf, "roles", "DESK", "enabled", "true")))
                .isEmpty();
        assertThat(submit(admin, "/admin/users/desk-ann/password", Map.of(CSRF, csrf, "password", "another-pass-2")))
                .isEmpty();
        assertThat(logsIn("desk-ann", "long-enough-1")).isFalse();
        assertThat(logsIn("desk-ann", "another-pass-2")).isTrue();

        // the admin cannot take away their own login or ADMIN
        assertThat(submit(admin, "/admin/users/admin", Map.of(CSRF, csrf, "roles", "DESK", "enabled", "true")))
                .contains("your own");
        assertThat(logsIn("admin", TestEnvironment.ADMIN_PASSWORD)).isTrue();
        assertThat(PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD).get("/admin/users").status())
                .isEqualTo(200);
    }
}

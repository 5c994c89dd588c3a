package org.lianxin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianxin.support.PageSession.CSRF;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianxin.directory.Department;
import org.lianxin.directory.DepartmentDirectory;
import org.lianxin.security.StaffUsers;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.PageSession;
import org.lianxin.support.TestEnvironment;
import org.springframework.beans.factory.annotation.Autowired;

/** The ADMIN keeps the department directory in the web UI. */
@LianxinTest
class DirectoryAdminPageTest extends HubTestSupport {

    @Autowired
    DepartmentDirectory directory;
    @Autowired
    StaffUsers users;

    Map<String, String> form(PageSession admin, String id, String emails, String mobiles) {
        HttpAnswer page = admin.get("/admin/departments/new");
        Map<String, String> f = new HashMap<>();
        f.put(CSRF, PageSession.hidden(page, CSRF));
        f.put("creating", "true");
        f.put("id", id);
        f.put("name", "县应急管理局");
        f.put("kind", "department");
        f.put("emails", emails);
        f.put("mobiles", mobiles);
        f.put("prefersEmail", "true");
        f.put("prefersSms", "true");
        f.put("contactPerson", "应急值班室");
        f.put("active", "true");
        return f;
    }

    @Test
    void anAdminAddsADepartmentAndABadAddressIsRefusedNamingItsField() {
        PageSession admin = PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD);
        String id = "yj-" + UUID.randomUUID().toString().substring(0, 6);

        HttpAnswer refused = admin.postForm("/admin/departments", form(admin, id, "yj@county.example.cn", "12345"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("id=\"error\"", "mobiles", "12345");
        assertThat(directory.find(id)).isEmpty();

        HttpAnswer saved = admin.postForm("/admin/departments",
                form(admin, id, " YJ@County.example.cn ，yj2@county.example.cn", "139 0000 7001\n+8613900007002"));
        assertThat(saved.status()).isEqualTo(302);
        Department d = directory.find(id).orElseThrow();
        assertThat(d.emails()).containsExactlyInAnyOrder("yj@county.example.cn", "yj2@county.example.cn");
        assertThat(d.mobiles()).containsExactlyInAnyOrder("13900007001", "13900007002");
        assertThat(admin.get("/admin/departments").text()).contains("id=\"department-" + id + "\"", "县应急管理局");

        Map<String, String> off = form(admin, id, "yj@county.example.cn", "13900007001");
        off.put("creating", "false");
        off.remove("active");
        assertThat(admin.postForm("/admin/departments", off).status()).isEqualTo(302);
        assertThat(directory.find(id).orElseThrow().active()).isFalse();
    }

    @Test
    void onlyTheAdminKeepsTheDirectory() {
        String name = "sup-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, "supervisor-pass", "督办员", List.of("SUPERVISOR"));
        assertThat(PageSession.loggedIn(port, name, "supervisor-pass").get("/admin/departments").status())
                .isEqualTo(403);
    }
}

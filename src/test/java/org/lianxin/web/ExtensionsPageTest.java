package org.lianxin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lianxin.support.PageSession.CSRF;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.cases.SlipLinks;
import org.lianxin.dispatch.SmsRefs;
import org.lianxin.reply.AnswerKind;
import org.lianxin.reply.DepartmentMessage;
import org.lianxin.security.StaffUsers;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.PageSession;
import org.lianxin.support.TestCases;
import org.lianxin.support.TestDepartments;
import org.lianxin.support.TestSupervisors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A supervisor approves a department's extension request (延期) with a new deadline, or refuses it with a reason;
 * each request once, and the department is told by the channels its slip reached.
 */
@LianxinTest
class ExtensionsPageTest extends HubTestSupport {

    static final String SMS = "13900009001";
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    @Autowired
    ProducerTemplate camel;
    @Autowired
    StaffUsers users;
    @Autowired
    SlipLinks links;
    @Autowired
    SmsRefs smsRefs;
    @Value("${lianxin.data-dir}")
    Path dataDir;

    String caseNo;
    String slipNo;
    PageSession supervisor;

    @BeforeEach
    void anExtensionRequested() {
        TestDepartments.ensure(db);
        caseNo = TestCases.awaitingDispatcher(hub(), db, "");
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.HELP, null, "t-water", List.of(),
                "rule:test"));
        slipNo = caseNo + "-1";
        // the slip reached its three addresses: notices go where it went
        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryForObject("select count(*) from slip_delivery "
                + "where slip_no = ? and status = 'ACCEPTED'", Long.class, slipNo) == 3);
        camel.sendBodyAndHeaders("direct:slip-answer", new DepartmentMessage(slipNo, Optional.of(AnswerKind.EXTENSION),
                "需协调三个部门，申请延期10天"), Map.of("senderKind", "mobile", "sender", SMS));
        supervisor = TestSupervisors.loggedIn(port, db, users);
    }

    String ref() {
        return db.queryForObject("select ref from case_answer where slip_no = ? and kind = 'EXTENSION'", String.class,
                slipNo);
    }

    ZonedDateTime deadline() {
        return db.queryForObject("select deadline from slip where slip_no = ?", OffsetDateTime.class, slipNo)
                .atZoneSameInstant(CountyTime.ZONE);
    }

    long events(String action) {
        return db.queryForObject("select count(*) from case_event where case_no = ? and action = ?", Long.class,
                caseNo, action);
    }

    HttpAnswer post(HttpAnswer page, String path, String... fields) {
        Map<String, String> form = new java.util.HashMap<>(Map.of(CSRF, PageSession.hidden(page, CSRF)));
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        HttpAnswer answer = supervisor.postForm(path, form);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
        return supervisor.get("/supervision/extensions");
    }

    Path smsNotice(String purpose) {
        return dataDir.resolve("outbox/sms/" + smsRefs.ref(slipNo, "sms", SMS) + "." + purpose + "-" + ref() + ".txt");
    }

    long mailNotices(String purpose) throws Exception {
        try (Stream<Path> files = Files.list(dataDir.resolve("outbox/mail"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(slipNo + "-email-")
                    && n.endsWith("-" + purpose + "-" + ref() + ".eml")).count();
        }
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineOnceAndTheDepartmentIsTold() throws Exception {
        ZonedDateTime before = deadline();
        OffsetDateTime linkBefore = db.queryForObject("select link_expires_at from slip where slip_no = ?",
                OffsetDateTime.class, slipNo);
        HttpAnswer page = supervisor.get("/supervision/extensions");
        LocalDate asked = before.toLocalDate().plusDays(10);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("id=\"request-" + ref() + "\"", slipNo, "测试水务局", "需协调三个部门，申请延期10天",
                SHOWN.format(before), "value=\"" + asked + "\"");

        LocalDate chosen = asked.plusDays(2);
        String path = "/supervision/extensions/" + ref() + "/approve";
        HttpAnswer after = post(page, path, "newDeadline", chosen.toString());
        assertThat(after.text()).contains("id=\"done\"").doesNotContain("id=\"request-" + ref() + "\"");
        ZonedDateTime moved = before.with(chosen);
        assertThat(deadline().toInstant()).isEqualTo(moved.toInstant());
        assertThat(db.queryForObject("select link_expires_at from slip where slip_no = ?", OffsetDateTime.class,
                slipNo).toInstant()).isEqualTo(linkBefore.toInstant().plus(12, ChronoUnit.DAYS));
        assertThat(db.queryForObject("select note from case_event where case_no = ? and action = 'extension-approved'",
                String.class, caseNo)).contains(slipNo, before.toLocalDate().toString(), chosen.toString(), "→");

        // The department's page shows the new deadline.
        String token = links.token(slipNo, "t-water", Instant.now().plus(1, ChronoUnit.DAYS));
        assertThat(new PageSession(port).get("/reply/" + token).text()).contains(SHOWN.format(moved))
                .doesNotContain(SHOWN.format(before));
        // ...and is told, by the slip's SMS and both its mailboxes.
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(smsNotice("extension-approved"))
                && mailNotices("extension-approved") == 2);
        assertThat(Files.readString(smsNotice("extension-approved"))).contains(slipNo, "延期申请已批准",
                chosen.toString(), "/reply/");

        // A second click (or another supervisor, another node) changes nothing.
        HttpAnswer again = post(page, path, "newDeadline", chosen.plusDays(5).toString());
        assertThat(again.text()).contains("id=\"decided-before\"");
        assertThat(deadline().toInstant()).isEqualTo(moved.toInstant());
        assertThat(events("extension-approved")).isEqualTo(1);
    }

    @Test
    void aRefusedExtensionKeepsTheDeadlineAndNeedsAReason() throws Exception {
        ZonedDateTime before = deadline();
        HttpAnswer page = supervisor.get("/supervision/extensions");
        String refuse = "/supervision/extensions/" + ref() + "/refuse";

        HttpAnswer noReason = post(page, refuse, "reason", "  ");
        assertThat(noReason.text()).contains("id=\"failure\"", "reason: required", "id=\"request-" + ref() + "\"");

        HttpAnswer tooEarly = post(page, "/supervision/extensions/" + ref() + "/approve", "newDeadline",
                before.toLocalDate().toString());
        assertThat(tooEarly.text()).contains("id=\"failure\"", "newDeadline: must be after the current deadline");
        assertThat(db.queryForObject("select decision from case_answer where ref = ?", String.class, ref()))
                .isEqualTo("PENDING");

        HttpAnswer refused = post(page, refuse, "reason", "三个部门可同步办理，不予延期");
        assertThat(refused.text()).contains("id=\"done\"").doesNotContain("id=\"request-" + ref() + "\"");
        assertThat(deadline().toInstant()).isEqualTo(before.toInstant());
        assertThat(events("extension-approved")).isZero();
        assertThat(db.queryForMap("select decision, decision_note, decided_by from case_answer where ref = ?", ref()))
                .containsEntry("decision", "REFUSED").containsEntry("decision_note", "三个部门可同步办理，不予延期")
                .containsEntry("decided_by", "user:" + TestSupervisors.USERNAME);
        assertThat(db.queryForObject("select note from case_event where case_no = ? and action = 'extension-refused'",
                String.class, caseNo)).isEqualTo("三个部门可同步办理，不予延期");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(smsNotice("extension-refused")));
        assertThat(Files.readString(smsNotice("extension-refused"))).contains("延期申请未获批准",
                "三个部门可同步办理，不予延期");

        // Approving it afterwards changes nothing either.
        post(page, "/supervision/extensions/" + ref() + "/approve", "newDeadline",
                before.toLocalDate().plusDays(3).toString());
        assertThat(deadline().toInstant()).isEqualTo(before.toInstant());
    }

    @Test
    void onlySupervisorsDecide() {
        PageSession admin = PageSession.loggedIn(port, "admin", org.lianxin.support.TestEnvironment.ADMIN_PASSWORD);
        assertThat(admin.get("/supervision/extensions").status()).isEqualTo(200);
        assertThat(admin.get("/").text()).contains("id=\"extensions-link\"", "id=\"reviews-link\"");
        HttpAnswer anonymous = new PageSession(port).get("/supervision/extensions");
        assertThat(anonymous.status()).isEqualTo(302);
        if (db.queryForObject("select count(*) from staff_user where username = 't-dispatcher'", Long.class) == 0) {
            users.create("t-dispatcher", "t-dispatcher-password", "测试交办员", List.of("DISPATCHER"));
        }
        PageSession dispatcher = PageSession.loggedIn(port, "t-dispatcher", "t-dispatcher-password");
        assertThat(dispatcher.get("/supervision/extensions").status()).isEqualTo(403);
        assertThat(dispatcher.postForm("/supervision/extensions/" + ref() + "/approve",
                Map.of(CSRF, PageSession.hidden(dispatcher.get("/triage"), CSRF), "newDeadline", "2099-01-01"))
                .status()).isEqualTo(403);
        assertThat(db.queryForObject("select decision from case_answer where ref = ?", String.class, ref()))
                .isEqualTo("PENDING");
    }
}

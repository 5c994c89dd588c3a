package org.lianxin.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import java.util.Properties;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.calendar.WorkingCalendar;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.MovableClock;
import org.lianxin.support.TestDepartments;
import org.lianxin.support.TestEnvironment;
import org.lianxin.support.WithoutTriage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Open slips against their working-day deadlines, at a moved clock: reminded (催办) a day before, overdue (超期) after,
 * escalated to the leader (督办单) three working days later — each once, with two watchers running side by side as on
 * two nodes; an answered slip never.
 */
@LianxinTest
@WithoutTriage
@Import(MovableClock.Config.class)
class DeadlineWatchTest extends HubTestSupport {

    @Autowired
    ProducerTemplate camel;
    @Autowired
    MovableClock clock;
    @Autowired
    WorkingCalendar calendar;
    @Value("${lianxin.data-dir}")
    Path dataDir;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Two runs of the watch at once, as the timers of two nodes would. */
    void twoWatchersRun() throws Exception {
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> camel.sendBody("direct:deadline-watch", null)),
                CompletableFuture.runAsync(() -> camel.sendBody("direct:deadline-watch", null))).get();
    }

    long events(String caseNo, String action) {
        return db.queryForObject("select count(*) from case_event where case_no = ? and action = ?", Long.class,
                caseNo, action);
    }

    List<Path> files(String folder, String contains) throws IOException {
        Path dir = dataDir.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.list(dir)) {
            return all.filter(f -> f.getFileName().toString().contains(contains)).toList();
        }
    }

    String dispatchedCase(String content) throws Exception {
        String body = new ObjectMapper().writeValueAsString(java.util.Map.of("recordId", "DW-" + java.util.UUID
                .randomUUID(), "callerNumber", "13812345678", "content", content));
        String caseNo = hub().postJson("/api/hotline/calls", body, "X-Api-Key", TestEnvironment.HOTLINE_KEY).json()
                .get("results").get(0).get("caseNo").asText();
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.HELP, null, "t-water",
                List.of(), "rule:test"));
        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryForObject("select count(*) from slip_delivery "
                + "where slip_no = ? and status = 'ACCEPTED'", Long.class, caseNo + "-1") == 3);
        return caseNo;
    }

    void moveTo(Instant when) {
        clock.moveBy(Duration.between(clock.instant(), when));
    }

    @Test
    void anOpenSlipIsRemindedThenOverdueThenEscalatedEachOnceAndAnAnsweredOneNever() throws Exception {
        TestDepartments.ensure(db);
        String caseNo = dispatchedCase("小区门口的下水道堵了，污水漫到路上。");
        String answered = dispatchedCase("河边步道的栏杆断了。");
        db.update("update slip set status = 'ANSWERED' where slip_no = ?", answered + "-1");
        String slipNo = caseNo + "-1";
        Instant deadline = CountyTime.of(db.queryForObject("select deadline from slip where slip_no = ?",
                Object.class, slipNo)).toInstant();

        // a day and a half before: nothing yet
        moveTo(deadline.minus(Duration.ofHours(36)));
        twoWatchersRun();
        assertThat(events(caseNo, "due-reminder")).isZero();

        // twelve hours before: one reminder, by mail to both addresses and by SMS, however many watchers run
        moveTo(deadline.minus(Duration.ofHours(12)));
        twoWatchersRun();
        twoWatchersRun();
        assertThat(events(caseNo, "due-reminder")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> files("outbox/mail", slipNo + "-email-").stream()
                .filter(f -> f.toString().contains("due-reminder")).count() == 2
                && files("outbox/sms", ".due-reminder").stream().anyMatch(f -> read(f).contains(slipNo)));
        Path sms = files("outbox/sms", ".due-reminder").stream().filter(f -> read(f).contains(slipNo)).findFirst()
                .orElseThrow();
        assertThat(read(sms)).contains("催办 " + slipNo + " 主办", "到期");

        // an hour after: overdue once; the department is told and the supervisors get a digest naming the slip
        moveTo(deadline.plus(Duration.ofHours(1)));
        twoWatchersRun();
        twoWatchersRun();
        assertThat(events(caseNo, "overdue")).isEqualTo(1);
        assertThat(events(caseNo, "escalated")).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> digests(slipNo).size() == 1
                && files("outbox/sms", ".overdue").stream().anyMatch(f -> read(f).contains(slipNo)));
        assertThat(mail(digests(slipNo).get(0))).contains("超期", "supervisors@").doesNotContain(answered + "-1");
        assertThat(files("outbox/mail", slipNo + "-email-").stream()
                .filter(f -> f.toString().contains("-overdue-"))).hasSize(2);

        // two working days overdue is not yet three
        LocalDate due = deadline.atZone(CountyTime.ZONE).toLocalDate();
        moveTo(calendar.plusWorkingDays(due, 2).atTime(12, 0).atZone(CountyTime.ZONE).toInstant());
        twoWatchersRun();
        assertThat(events(caseNo, "escalated")).isZero();

        // three working days overdue: one 督办单 to t-water's leader and the supervisors
        moveTo(calendar.plusWorkingDays(due, 3).atTime(9, 0).atZone(CountyTime.ZONE).toInstant());
        twoWatchersRun();
        twoWatchersRun();
        assertThat(events(caseNo, "escalated")).isEqualTo(1);
        assertThat(db.queryForObject("select note from case_event where case_no = ? and action = 'escalated'",
                String.class, caseNo)).contains("督办 " + slipNo, "测试副县长");
        await().atMost(Duration.ofSeconds(20)).until(() -> files("outbox/mail", "escalation-" + slipNo + "-").size() == 1);
        Path escalation = files("outbox/mail", "escalation-" + slipNo + "-").get(0);
        assertThat(mail(escalation)).contains(TestEnvironment.LEADER_EMAIL, "supervisors@", "督办单", slipNo,
                "测试水务局");

        // the answered slip was never reminded, marked or escalated
        assertThat(db.queryForObject("select count(*) from case_event where case_no = ? and action in "
                + "('due-reminder', 'overdue', 'escalated')", Long.class, answered)).isZero();
    }

    /** The supervisors' overdue digests that name the slip. */
    List<Path> digests(String slipNo) throws IOException {
        return files("outbox/mail", "overdue-").stream().filter(f -> f.getFileName().toString().startsWith("overdue-"))
                .filter(f -> mail(f).contains(slipNo)).toList();
    }

    /** A mail file as read: its recipients, subject and text. */
    static String mail(Path f) {
        try (var in = Files.newInputStream(f)) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            return java.util.Arrays.toString(m.getAllRecipients()) + "\n" + m.getSubject() + "\n" + m.getContent();
        } catch (IOException | MessagingException e) {
            return "";
        }
    }

    static String read(Path f) {
        try {
            return new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}

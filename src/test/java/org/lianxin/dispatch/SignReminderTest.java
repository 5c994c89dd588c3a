package org.lianxin.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.TestCases;
import org.lianxin.support.TestDepartments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** A slip not signed for in time gets one reminder, by each channel its slip reached, and only one. */
@LianxinTest
class SignReminderTest extends HubTestSupport {

    @Autowired
    ProducerTemplate camel;
    @Autowired
    SmsRefs smsRefs;
    @Value("${lianxin.data-dir}")
    Path dataDir;

    long reminders(String caseNo) {
        return db.queryForObject("select count(*) from case_event where case_no = ? and action = 'sign-reminder'",
                Long.class, caseNo);
    }

    @Test
    void aLateSlipIsRemindedOnceByMailAndSmsAndASignedOneNever() throws Exception {
        TestDepartments.ensure(db);
        String caseNo = TestCases.awaitingDispatcher(hub(), db, "");
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.HELP, null, "t-water",
                List.of("t-town"), "rule:test"));
        String lead = caseNo + "-1";
        String co = caseNo + "-2";
        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryForObject("select count(*) from slip_delivery "
                + "where slip_no like ? and status = 'ACCEPTED'", Long.class, caseNo + "-%") == 4);
        // both are to be signed for by the end of the next working day, never later than their deadline
        assertThat(db.queryForList("select sign_by <= deadline and sign_by > issued_at from slip where case_no = ?",
                Boolean.class, caseNo)).containsOnly(true);
        // the co-handler signs for its slip; then both should have been signed for an hour ago
        db.update("update slip set status = 'SIGNED', signed_at = now() where slip_no = ?", co);
        db.update("update slip set sign_by = now() - interval '1 hour' where case_no = ?", caseNo);

        Path smsReminder = dataDir.resolve("outbox/sms/" + smsRefs.ref(lead, "sms", "13900009001")
                + ".sign-reminder.txt");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(smsReminder) && mailReminders(lead) == 2);

        assertThat(Files.readString(smsReminder)).contains("催签收 " + lead + " 主办");
        assertThat(reminders(caseNo)).isEqualTo(1);
        assertThat(db.queryForObject("select note from case_event where case_no = ? and action = 'sign-reminder'",
                String.class, caseNo)).contains(lead, "email:water@t.example.cn", "sms:13900009001");
        assertThat(db.queryForObject("select sign_reminded_at from slip where slip_no = ?", Object.class, co))
                .isNull();
        assertThat(db.queryForList("select status from slip_delivery where slip_no = ?", String.class, lead))
                .containsOnly("ACCEPTED");
    }

    long mailReminders(String slipNo) throws Exception {
        try (Stream<Path> files = Files.list(dataDir.resolve("outbox/mail"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith(slipNo + "-email-") && n.endsWith("-sign-reminder.eml")).count();
        }
    }
}

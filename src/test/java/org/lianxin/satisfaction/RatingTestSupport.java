package org.lianxin.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.reply.SmsInbound;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.MovableClock;
import org.lianxin.support.TestDepartments;
import org.lianxin.support.TestEnvironment;
import org.lianxin.support.WithoutTriage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hub the satisfaction tests share, with a clock they can move, and cases brought to their answer the real way:
 * registered by the hotline API or Open311, dispatched to t-water, answered 办结 by the department's SMS.
 */
@LianxinTest
@WithoutTriage
@Import(MovableClock.Config.class)
abstract class RatingTestSupport extends HubTestSupport {

    static final String WATER_MOBILE = "13900009001";

    @Autowired
    protected ProducerTemplate camel;
    @Autowired
    protected SmsInbound smsInbound;
    @Autowired
    protected MovableClock clock;
    @Autowired
    Clock hubClock;

    @BeforeEach
    void departments() {
        TestDepartments.ensure(db);
        assertThat(hubClock).isSameAs(clock);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A mobile number no other test uses. */
    static String citizenPhone() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A hotline case from that phone, with that call record id, answered 办结 by its lead t-water. */
    String answeredHotlineCase(String recordId, String phone) throws Exception {
        String body = new ObjectMapper().writeValueAsString(Map.of("recordId", recordId, "callerNumber", phone,
                "content", "小区路灯坏了一个月了，晚上出行不便。"));
        String caseNo = hub().postJson("/api/hotline/calls", body, "X-Api-Key", TestEnvironment.HOTLINE_KEY)
                .json().get("results").get(0).get("caseNo").asText();
        return answered(caseNo);
    }

    /** A web case (Open311) from that phone, with the portal's id, answered 办结. */
    String answeredWebCase(String externalId, String phone) {
        HttpAnswer posted = hub().post("/open311/v2/requests.json", "application/x-www-form-urlencoded",
                ("api_key=" + TestEnvironment.PORTAL_KEY + "&service_code=urban&external_id=" + externalId
                        + "&phone=" + phone + "&description=" + encoded("路灯不亮")).getBytes(StandardCharsets.UTF_8));
        return answered(posted.json().get(0).get("service_request_id").asText());
    }

    private String answered(String caseNo) {
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.REPORT, "urban", "t-water",
                List.of(), "rule:test"));
        HttpAnswer answer = kannel(WATER_MOBILE, caseNo + "-1 办结 已更换路灯", UUID.randomUUID().toString());
        assertThat(answer.json().get("status").asText()).as(answer.toString()).isEqualTo("applied");
        assertThat(caseStatus(caseNo)).isEqualTo("REPLIED");
        return caseNo;
    }

    /** An SMS as Kannel's get-url forwards it. */
    HttpAnswer kannel(String from, String text, String id) {
        return hub().get("/api/sms/inbound/kannel?secret=" + encoded(smsInbound.secret()) + "&from=" + encoded(from)
                + "&text=" + encoded(text) + "&id=" + id);
    }

    String caseStatus(String caseNo) {
        return db.queryForObject("select status from citizen_case where case_no = ?", String.class, caseNo);
    }

    int reopenCount(String caseNo) {
        return db.queryForObject("select reopen_count from citizen_case where case_no = ?", Integer.class, caseNo);
    }

    long events(String caseNo, String action) {
        return db.queryForObject("select count(*) from case_event where case_no = ? and action = ?", Long.class,
                caseNo, action);
    }

    List<Map<String, Object>> ratings(String caseNo) {
        return db.queryForList("select * from case_rating where case_no = ? order by id", caseNo);
    }
}

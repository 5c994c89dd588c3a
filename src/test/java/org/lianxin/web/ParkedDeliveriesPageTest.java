package org.lianxin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianxin.support.PageSession.CSRF;

import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.PageSession;
import org.lianxin.support.TestCases;
import org.lianxin.support.TestDepartments;
import org.lianxin.support.TestEnvironment;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff see parked deliveries with the reason and send one again; an accepted one is never sent again. */
@LianxinTest
class ParkedDeliveriesPageTest extends HubTestSupport {

    @Autowired
    ProducerTemplate camel;

    @Test
    void aParkedDeliveryIsShownWithItsReasonAndReplayedOnce() {
        TestDepartments.ensure(db);
        String caseNo = TestCases.awaitingDispatcher(hub(), db, "");
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.HELP, null, "t-town", List.of(),
                "rule:test"));
        // A delivery of the test's own that no queue message refers to, so no route sends it before it is parked.
        db.update("insert into slip_delivery (slip_no, channel, address, status, attempts, send_round, created_at, "
                + "updated_at) values (?, 'sms', '13900009998', 'QUEUED', 0, 1, now(), now())", caseNo + "-1");
        Map<String, Object> delivery = Map.of("slipNo", caseNo + "-1", "channel", "sms", "address", "13900009998");
        Map<String, Object> dead = new java.util.HashMap<>(delivery);
        dead.put("deliveryError", "网关拒绝：号码停机");
        camel.sendBodyAndHeaders("direct:slip-delivery-dead", null, dead);
        PageSession admin = PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD);

        HttpAnswer page = admin.get("/deliveries");
        assertThat(page.text()).contains("id=\"delivery-" + caseNo + "-1-sms-13900009998\"", "网关拒绝：号码停机");

        Map<String, String> replay = Map.of(CSRF, PageSession.hidden(page, CSRF), "slipNo", caseNo + "-1",
                "channel", "sms", "address", "13900009998");
        admin.postForm("/deliveries/replay", replay);
        Map<String, Object> row = db.queryForMap("select status, send_round from slip_delivery where slip_no = ? and address = '13900009998'", caseNo + "-1");
        assertThat(row.get("send_round")).isEqualTo(2);
        assertThat(row.get("status")).isIn("QUEUED", "ACCEPTED");
        assertThat(admin.get("/deliveries").text()).contains("id=\"replayed\"")
                .doesNotContain("id=\"delivery-" + caseNo + "-1-sms");

        // Not parked any more: a second press queues nothing.
        admin.postForm("/deliveries/replay", Map.of(CSRF, PageSession.hidden(page, CSRF), "slipNo", caseNo + "-1",
                "channel", "sms", "address", "13900009998"));
        assertThat(admin.get("/deliveries").text()).contains("id=\"not-replayed\"");
        assertThat(db.queryForObject("select send_round from slip_delivery where slip_no = ? and address = '13900009998'",
                Integer.class, caseNo + "-1")).isEqualTo(2);
    }
}

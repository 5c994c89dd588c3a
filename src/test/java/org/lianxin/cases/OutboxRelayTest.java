package org.lianxin.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianxin.support.TestEnvironment.HOTLINE_KEY;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.lianxin.support.HubClient;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/** The hand-off from the database to the broker loses nothing and duplicates nothing when either side stops. */
@LianxinTest
@DirtiesContext
class OutboxRelayTest extends HubTestSupport {

    @Autowired
    CamelContext camel;
    @Autowired
    EmbeddedActiveMQ broker;

    List<String> register(int count) {
        List<String> caseNos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = "{\"recordId\":\"OB-" + UUID.randomUUID() + "\",\"content\":\"下水道堵塞第" + i + "次\"}";
            caseNos.add(hub().postJson("/api/hotline/calls", body, "X-Api-Key", HOTLINE_KEY)
                    .json().get("results").get(0).get("caseNo").asText());
        }
        return caseNos;
    }

    long outboxRows(List<String> caseNos) {
        return caseNos.stream().mapToLong(c -> db.queryForObject(
                "select count(*) from case_outbox where case_no = ?", Long.class, c)).sum();
    }

    @Test
    void casesRegisteredWhileTheRelayIsStoppedArriveOnceWhenItStarts() throws Exception {
        camel.getRouteController().stopRoute("outbox-relay");
        List<String> caseNos = register(5);
        assertThat(outboxRows(caseNos)).isEqualTo(5);
        caseNos.forEach(c -> assertThat(queue.browse(c)).isEmpty());

        camel.getRouteController().startRoute("outbox-relay");

        caseNos.forEach(c -> assertThat(queue.messagesFor(c)).hasSize(1));
    }

    @Test
    void casesRegisteredWhileTheBrokerIsDownArriveOnceAfterItRestarts() throws Exception {
        broker.stop();
        List<String> caseNos;
        try {
            // Intake does not depend on the broker: the cases are committed with their outbox rows.
            caseNos = register(5);
            assertThat(outboxRows(caseNos)).isEqualTo(5);
        } finally {
            broker.start();
        }

        caseNos.forEach(c -> assertThat(queue.messagesFor(c)).hasSize(1));
    }

    @Test
    void aBatchSentAgainAfterACrashBeforeItsDeleteIsDroppedByTheBroker() {
        String caseNo = register(1).get(0);
        assertThat(queue.messagesFor(caseNo)).hasSize(1);

        // What a crash between the broker send and the outbox delete leaves behind: the row, relayed again.
        db.update("insert into case_outbox (case_no, destination, payload, created_at) "
                + "select case_no, 'lianxin.cases.registered', '{\"caseNo\":\"' || case_no || '\"}', now() "
                + "from citizen_case where case_no = ?", caseNo);

        assertThat(queue.messagesFor(caseNo)).hasSize(1);
    }
}

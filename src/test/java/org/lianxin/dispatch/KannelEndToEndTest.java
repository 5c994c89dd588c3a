package org.lianxin.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * One slip with Chinese text through a real Kannel: the hub's deliver-sms route and sms-kannel-sink send it (the
 * local gateway of the shared SMS context relays this number's requests, unchanged, to Kannel's sendsms), Kannel
 * sends it as UCS-2 to fakesmsc, and Kannel's delivery report comes back to the hub's dlr-url.
 */
class KannelEndToEndTest extends RealKannelSupport {

    @Test
    void aSlipWithChineseTextReachesTheSmscAndItsDeliveryReportComesBack() throws Exception {
        String mobile = fixtures.smsDepartment();
        GATEWAY.relayTo(mobile, kannel.sendsmsUrl());
        String slipNo = fixtures.dispatchToMobile("城关镇幸福小区停水两天了，老人孩子用水困难，请尽快处理！", mobile);

        await("the delivery report from Kannel").atMost(Duration.ofSeconds(30))
                .until(() -> fixtures.deliveryStatus(slipNo, "sms", mobile), "DELIVERED"::equals);

        String sent = slipSms.text(fixtures.delivery(slipNo, "sms", mobile));
        assertThat(sent).contains("城关镇幸福小区停水两天了").contains(slipNo);
        assertThat(kannel.received(mobile)).as(kannel.logs()).containsExactly(sent);
        assertThat(GATEWAY.requestsTo(mobile)).extracting(SmsGatewayServer.Request::answeredWith).containsExactly(202);
    }
}

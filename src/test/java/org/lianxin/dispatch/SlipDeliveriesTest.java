package org.lianxin.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The delivery routes' small decisions: whether a message is due, how many tries a round took, why it was parked. */
class SlipDeliveriesTest {

    final SlipDeliveries deliveries = new SlipDeliveries(null, null);

    static SlipDelivery delivery(String status, int round) {
        return new SlipDelivery("2026000123-1", "email", "a@t.example.cn", status, 0, round, "LEAD", "求助", null,
                null, null, "t", "测试局", "2026000123", "标题", "内容", null, null, null, null, false, null);
    }

    @Test
    void aMessageIsDueUnlessItsDeliveryIsUnknownAcceptedOrInALaterRound() {
        assertThat(deliveries.due(delivery("QUEUED", 1), 1, null)).isTrue();
        assertThat(deliveries.due(delivery("DEAD", 1), 1, null)).as("redelivered after a crash, not yet replayed")
                .isTrue();
        assertThat(deliveries.due(delivery("QUEUED", 2), 2, null)).isTrue();
        assertThat(deliveries.due(delivery("QUEUED", 2), 1, null)).as("a replay started round 2").isFalse();
        assertThat(deliveries.due(delivery("ACCEPTED", 1), 1, null)).isFalse();
        // A reminder goes only where the slip itself went.
        assertThat(deliveries.due(delivery("ACCEPTED", 1), 1, "sign-reminder")).isTrue();
        assertThat(deliveries.due(delivery("DELIVERED", 1), 1, "sign-reminder")).isTrue();
        assertThat(deliveries.due(delivery("QUEUED", 1), 1, "sign-reminder")).isFalse();
        assertThat(deliveries.due(delivery("DELIVERED", 1), 1, null)).isFalse();
        assertThat(deliveries.due(null, 1, null)).isFalse();
    }

    @Test
    void triesCountTheFirstSendAndTheRedeliveriesOrWhatTheErrorHandlingSays() {
        assertThat(deliveries.tries(null, null)).isEqualTo(1);
        assertThat(deliveries.tries(3, null)).isEqualTo(4);
        assertThat(deliveries.tries(null, 8)).isEqualTo(8);
        assertThat(deliveries.tries(null, 0)).isEqualTo(1);
    }

    @Test
    void aReasonNamesTheFailureAndFitsTheColumn() {
        assertThat(deliveries.reason(new IllegalStateException("SMTP 550 mailbox unavailable")))
                .isEqualTo("IllegalStateException: SMTP 550 mailbox unavailable");
        assertThat(deliveries.reason(new RuntimeException("x".repeat(5000)))).hasSizeLessThan(2000);
        assertThat(deliveries.reason(null)).isEqualTo("unknown");
    }
}

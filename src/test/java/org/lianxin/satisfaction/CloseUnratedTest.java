package org.lianxin.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.lianxin.support.TestEnvironment;

/** A case whose answer had no rating for lianxin.satisfaction.close-unrated-after closes as not rated, once. */
class CloseUnratedTest extends RatingTestSupport {

    @Test
    void anUnratedCaseClosesAsNotRatedOnceTheTimeHasPassed() throws Exception {
        String unrated = answeredHotlineCase("CB-" + UUID.randomUUID(), citizenPhone());
        String partlyRated = answeredHotlineCase("CB-" + UUID.randomUUID(), citizenPhone());
        // a second intake joined the case: one rated it, the other never answers the survey
        String phone = citizenPhone();
        db.update("insert into case_intake (case_no, channel, external_id, citizen_phone, received_at, created_at) "
                + "values (?, 'hotline', ?, ?, now(), now())", partlyRated, "CB-" + UUID.randomUUID(), phone);
        assertThat(kannel(phone, "1", UUID.randomUUID().toString()).json().get("status").asText()).isEqualTo("rated");
        assertThat(caseStatus(partlyRated)).isEqualTo("REPLIED");

        camel.sendBody("direct:close-unrated", null);
        clock.moveBy(Duration.ofDays(6));
        camel.sendBody("direct:close-unrated", null);
        assertThat(caseStatus(unrated)).isEqualTo("REPLIED");

        clock.moveBy(Duration.ofDays(2));
        // the timer of this node, and two more runs side by side as on two nodes
        await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(caseStatus(unrated)));
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> camel.sendBody("direct:close-unrated", null)),
                CompletableFuture.runAsync(() -> camel.sendBody("direct:close-unrated", null))).get();

        assertThat(events(unrated, "closed-unrated")).isEqualTo(1);
        assertThat(events(unrated, "closed")).isZero();
        assertThat(db.queryForObject("select from_status || '>' || to_status || ' ' || actor from case_event "
                + "where case_no = ? and action = 'closed-unrated'", String.class, unrated))
                .isEqualTo("REPLIED>CLOSED system");
        assertThat(caseStatus(partlyRated)).isEqualTo("CLOSED");
        assertThat(events(partlyRated, "closed")).isEqualTo(1);
        assertThat(events(partlyRated, "closed-unrated")).isZero();
        // a rating after the case closed is refused, the case stays as it closed
        assertThat(hub().postJson("/api/hotline/callbacks", "{\"caseNo\": \"" + unrated + "\", \"rating\": 3}",
                "X-Api-Key", TestEnvironment.HOTLINE_KEY).json().get("results").get(0)
                .get("error").asText()).contains("is CLOSED, not waiting for a rating");
        assertThat(reopenCount(unrated)).isZero();
    }
}

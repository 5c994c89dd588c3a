package org.lianxin.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.TestEnvironment;

import com.fasterxml.jackson.databind.JsonNode;

/** The call center pushes its callback results (回访) to POST /api/hotline/callbacks. */
class HotlineCallbacksTest extends RatingTestSupport {

    HttpAnswer push(String json) {
        return hub().postJson("/api/hotline/callbacks", json, "X-Api-Key", TestEnvironment.HOTLINE_KEY);
    }

    @Test
    void aBatchIsRatedRecordByRecord() throws Exception {
        String satisfiedRecord = "CB-" + UUID.randomUUID();
        String dissatisfiedRecord = "CB-" + UUID.randomUUID();
        String satisfied = answeredHotlineCase(satisfiedRecord, citizenPhone());
        String dissatisfied = answeredHotlineCase(dissatisfiedRecord, citizenPhone());
        String unreached = answeredHotlineCase("CB-" + UUID.randomUUID(), citizenPhone());

        HttpAnswer answer = push("""
                [{"caseNo": "%s", "recordId": "%s", "operatorId": "op07", "reached": true, "rating": 1},
                 {"caseNo": "%s", "operatorId": "op07", "rating": "不满意", "comment": "只修了一盏"},
                 {"caseNo": "%s", "operatorId": "op07", "reached": false, "comment": "无人接听"},
                 {"caseNo": "%s", "rating": "4"},
                 {"caseNo": "1999000001", "rating": "SATISFIED"},
                 {"recordId": "%s", "rating": 1},
                 {"caseNo": "%s", "recordId": "not-its-record", "rating": 1}]
                """.formatted(satisfied, satisfiedRecord, dissatisfied, unreached, unreached, dissatisfiedRecord,
                unreached));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode results = answer.json().get("results");
        assertThat(results).hasSize(7);
        assertThat(results.get(0).get("status").asText()).isEqualTo("rated");
        assertThat(results.get(0).get("rating").asText()).isEqualTo("SATISFIED");
        assertThat(results.get(0).get("caseStatus").asText()).isEqualTo("CLOSED");
        assertThat(results.get(1).get("status").asText()).isEqualTo("rated");
        assertThat(results.get(1).get("recordId").asText()).isEqualTo(dissatisfiedRecord);
        assertThat(results.get(1).get("caseStatus").asText()).isEqualTo("REOPENED");
        assertThat(results.get(2).get("status").asText()).isEqualTo("unreached");
        assertThat(results.get(3).get("status").asText()).isEqualTo("rejected");
        assertThat(results.get(3).get("field").asText()).isEqualTo("rating");
        assertThat(results.get(4).get("status").asText()).isEqualTo("rejected");
        assertThat(results.get(4).get("field").asText()).isEqualTo("caseNo");
        assertThat(results.get(4).get("error").asText()).contains("no case 1999000001");
        assertThat(results.get(5).get("error").asText()).isEqualTo("caseNo: required");
        assertThat(results.get(6).get("field").asText()).isEqualTo("recordId");

        assertThat(caseStatus(satisfied)).isEqualTo("CLOSED");
        assertThat(ratings(satisfied)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("channel", "hotline").containsEntry("source", "op07"));
        assertThat(caseStatus(dissatisfied)).isEqualTo("DISPATCHED");
        assertThat(reopenCount(dissatisfied)).isEqualTo(1);
        assertThat(db.queryForObject("select department_id from slip where slip_no = ?", String.class,
                dissatisfied + "-2")).isEqualTo("t-water");
        assertThat(caseStatus(unreached)).isEqualTo("REPLIED");
        assertThat(ratings(unreached)).isEmpty();
        assertThat(db.queryForObject("select actor from case_event where case_no = ? and action = "
                + "'callback-unreached'", String.class, unreached)).isEqualTo("hotline:op07");
    }

    @Test
    void aCallbackSentAgainIsADuplicateAndChangesNothing() throws Exception {
        String satisfied = answeredHotlineCase("CB-" + UUID.randomUUID(), citizenPhone());
        String dissatisfied = answeredHotlineCase("CB-" + UUID.randomUUID(), citizenPhone());
        String body = """
                [{"caseNo": "%s", "rating": "2"}, {"caseNo": "%s", "rating": "3"}]
                """.formatted(satisfied, dissatisfied);

        HttpAnswer first = push(body);
        HttpAnswer again = push(body.replace("\"2\"", "\"3\""));

        assertThat(first.json().get("results").findValuesAsText("status")).containsExactly("rated", "rated");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("results").findValuesAsText("status")).containsExactly("duplicate", "duplicate");
        // the rating kept is the first
        assertThat(again.json().get("results").get(0).get("rating").asText()).isEqualTo("BASICALLY_SATISFIED");
        assertThat(caseStatus(satisfied)).isEqualTo("CLOSED");
        assertThat(reopenCount(dissatisfied)).isEqualTo(1);
        assertThat(events(dissatisfied, "reopened")).isEqualTo(1);
        assertThat(db.queryForObject("select count(*) from slip where case_no = ?", Long.class, dissatisfied))
                .isEqualTo(2);
    }

    @Test
    void badBodiesAndKeysAreRefusedWhole() {
        HttpAnswer noKey = hub().postJson("/api/hotline/callbacks", "{\"caseNo\": \"1\", \"rating\": 1}");
        HttpAnswer notJson = push("{\"caseNo\": ");
        HttpAnswer allBad = push("[{\"caseNo\": \"1999000002\", \"rating\": 1}]");
        HttpAnswer badReached = push("{\"caseNo\": \"1999000002\", \"reached\": \"yes\"}");

        assertThat(noKey.status()).isEqualTo(401);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("field").asText()).isEqualTo("body");
        assertThat(allBad.status()).isEqualTo(400);
        assertThat(allBad.json().get("results").get(0).get("status").asText()).isEqualTo("rejected");
        assertThat(badReached.json().get("results").get(0).get("field").asText()).isEqualTo("reached");
    }
}

package org.lianxin.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.TestEnvironment;

/** The portal rates through the hub's Open311 extension, POST /open311/v2/requests/{id}/rating.json. */
class Open311RatingTest extends RatingTestSupport {

    HttpAnswer rate(String caseNo, String format, String form) {
        return hub().post("/open311/v2/requests/" + caseNo + "/rating." + format,
                "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void thePortalsRatingClosesItsCase() {
        String externalId = "web-" + UUID.randomUUID();
        String caseNo = answeredWebCase(externalId, citizenPhone());

        HttpAnswer answer = rate(caseNo, "json", "api_key=" + TestEnvironment.PORTAL_KEY + "&rating=SATISFIED"
                + "&external_id=" + externalId + "&comment=" + encoded("很快就修好了，谢谢"));
        HttpAnswer again = rate(caseNo, "xml", "api_key=" + TestEnvironment.PORTAL_KEY + "&rating=3");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get(0).get("service_request_id").asText()).isEqualTo(caseNo);
        assertThat(answer.json().get(0).get("rating_result").asText()).isEqualTo("rated");
        assertThat(answer.json().get(0).get("status").asText()).isEqualTo("closed");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text()).contains("<rating_result>duplicate</rating_result>", "<rating>SATISFIED</rating>");
        assertThat(caseStatus(caseNo)).isEqualTo("CLOSED");
        assertThat(ratings(caseNo)).singleElement().satisfies(r -> assertThat(r).containsEntry("channel", "web")
                .containsEntry("comment", "很快就修好了，谢谢"));
    }

    @Test
    void errorsComeInOpen311sFormat() throws Exception {
        String web = answeredWebCase("web-" + UUID.randomUUID(), citizenPhone());
        String hotlineOnly = answeredHotlineCase("CB-" + UUID.randomUUID(), citizenPhone());
        String key = "api_key=" + TestEnvironment.PORTAL_KEY;

        HttpAnswer wrongKey = rate(web, "json", "api_key=nope&rating=1");
        HttpAnswer badRating = rate(web, "json", key + "&rating=5");
        HttpAnswer notWeb = rate(hotlineOnly, "json", key + "&rating=1");
        HttpAnswer unknownIntake = rate(web, "json", key + "&rating=1&external_id=other");

        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(badRating.status()).isEqualTo(400);
        assertThat(badRating.json().get(0).get("description").asText()).startsWith("rating: 1, 2 or 3");
        assertThat(notWeb.status()).isEqualTo(404);
        assertThat(unknownIntake.status()).isEqualTo(400);
        assertThat(unknownIntake.json().get(0).get("description").asText()).startsWith("external_id:");
        assertThat(caseStatus(web)).isEqualTo("REPLIED");
        assertThat(caseStatus(hotlineOnly)).isEqualTo("REPLIED");
    }
}

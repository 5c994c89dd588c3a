package org.lianxin.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.cases.CaseEvent;
import org.lianxin.cases.CaseReopening;
import org.lianxin.cases.CaseStatus;
import org.lianxin.cases.CaseWrites;
import org.lianxin.cases.StatusMove;

/** What a citizen's rating does to the case, decided without a database from the rows the rating route reads. */
class RatingsTest {

    final Ratings ratings = new Ratings(Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneOffset.UTC));

    static final Map<String, Object> REPLIED = Map.of("case_no", "2026000201", "status", "REPLIED", "reopen_count", 0);
    /** The case came in twice: a hotline call and another citizen's walk-in. */
    static final List<Map<String, Object>> INTAKES = List.of(
            Map.of("id", 11L, "channel", "hotline", "external_id", "CALL-11"),
            Map.of("id", 12L, "channel", "desk", "external_id", "DESK-12"));

    static RatingSubmission by(long intakeId, Rating rating, boolean reached) {
        return new RatingSubmission("2026000201", "hotline", intakeId, null, "hotline", "op7", rating,
                rating == Rating.DISSATISFIED ? "路灯修了又坏" : null, reached, RatingFields.HOTLINE);
    }

    static CaseWrites writes(Map<String, Object> plan) {
        return (CaseWrites) plan.get("writes");
    }

    @Test
    void theCaseClosesOnceEveryIntakeHasRatedThisAnswer() {
        Map<String, Object> first = ratings.decide(by(11, Rating.SATISFIED, true), REPLIED, INTAKES, List.of());
        assertThat(writes(first).events()).extracting(CaseEvent::action).containsExactly("rated");
        assertThat(writes(first).moves()).as("one intake of two has rated").isEmpty();
        assertThat(((RatingResult) first.get("result")).caseStatus()).isEqualTo("REPLIED");

        Map<String, Object> second = ratings.decide(by(12, Rating.BASICALLY_SATISFIED, true), REPLIED, INTAKES,
                List.of(Map.of("intake_id", 11L, "round", 0, "rating", "SATISFIED")));
        assertThat(writes(second).moves()).extracting(StatusMove::from, StatusMove::to, StatusMove::action,
                StatusMove::note).containsExactly(tuple(CaseStatus.REPLIED, CaseStatus.CLOSED, "closed",
                        "回访：满意 1、基本满意 1"));
        assertThat(((RatingResult) second.get("result")).caseStatus()).isEqualTo("CLOSED");
    }

    @Test
    void aDissatisfiedCitizenReopensTheCaseSayingWhy() {
        Map<String, Object> plan = ratings.decide(by(11, Rating.DISSATISFIED, true), REPLIED, INTAKES, List.of());
        assertThat(plan.get("reopen")).isInstanceOfSatisfying(CaseReopening.class,
                r -> assertThat(r.reason()).isEqualTo("市民不满意：路灯修了又坏"));
        assertThat(writes(plan).moves()).as("the reopening moves the case, not the rating").isEmpty();
        assertThat(((RatingResult) plan.get("result")).caseStatus()).isEqualTo("REOPENED");
    }

    @Test
    void aCallbackThatReachedNobodyIsAnEventAndNoRating() {
        Map<String, Object> plan = ratings.decide(by(11, null, false), REPLIED, INTAKES, List.of());
        assertThat(plan.get("rating")).isNull();
        assertThat(writes(plan).events()).extracting(CaseEvent::action).containsExactly("callback-unreached");
        assertThat(((RatingResult) plan.get("result")).status()).isEqualTo(RatingResult.Status.unreached);
    }

    @Test
    void aRatingAgainOrOfACaseStillInHandChangesNothing() {
        Map<String, Object> again = ratings.decide(by(11, Rating.DISSATISFIED, true), REPLIED, INTAKES,
                List.of(Map.of("intake_id", 11L, "round", 0, "rating", "SATISFIED")));
        assertThat(((RatingResult) again.get("result")).status()).isEqualTo(RatingResult.Status.duplicate);
        assertThat(writes(again).events()).isEmpty();

        Map<String, Object> early = ratings.decide(by(11, Rating.SATISFIED, true),
                Map.of("case_no", "2026000201", "status", "SIGNED", "reopen_count", 0), INTAKES, List.of());
        RatingResult refused = (RatingResult) early.get("result");
        assertThat(refused.status()).isEqualTo(RatingResult.Status.rejected);
        assertThat(refused.error()).isEqualTo("caseNo: case 2026000201 is SIGNED, not waiting for a rating");
        assertThat(writes(early).events()).isEmpty();
    }
}

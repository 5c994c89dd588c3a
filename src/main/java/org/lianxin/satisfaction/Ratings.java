package org.lianxin.satisfaction;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.Header;
import org.lianxin.cases.CaseEvent;
import org.lianxin.cases.CaseNotFoundException;
import org.lianxin.cases.CaseReopening;
import org.lianxin.cases.CaseStatus;
import org.lianxin.cases.CaseWrites;
import org.lianxin.cases.Channel;
import org.lianxin.cases.InvalidIntakeException;
import org.lianxin.cases.RowTime;
import org.lianxin.cases.StatusMove;
import org.springframework.stereotype.Component;

/**
 * The decisions of routes/satisfaction/rating.yaml, made on the case row locked: which intake a rating is for, whether it counts
 * (the first rating of an intake for an answer is kept; a repeat is a duplicate that changes nothing), and what it
 * does to the case. 不满意 from any intake reopens the case at once (重办 through direct:reopen-case: REOPENED,
 * reopen count + 1, a new slip to the lead department). 满意 and 基本满意 close it once every intake of the case
 * has rated this answer; until then it waits for the others, and the unrated timer closes it in the end.
 */
@Component("ratings")
public class Ratings {

    /** The statuses of a case that has its answer and waits for the citizens' ratings. */
    public static final Set<String> AWAITING = Set.of(CaseStatus.REPLIED.name(), CaseStatus.EXPLAINED.name());

    private final Clock clock;

    public Ratings(Clock clock) {
        this.clock = clock;
    }

    /**
     * The plan for one rating: rating (the case_rating row, or null), writes (its events and the move to CLOSED),
     * reopen (a CaseReopening for direct:reopen-case, or null) and result. A refused rating (an unknown case, a case not
     * waiting for a rating, an intake that is not the case's) writes nothing and is a rejected result.
     */
    public Map<String, Object> decide(RatingSubmission s, @Header("caseRow") Map<String, Object> caseRow,
            @Header("intakeRows") List<Map<String, Object>> intakes,
            @Header("ratingRows") List<Map<String, Object>> ratings) {
        try {
            return plan(s, caseRow, intakes, ratings);
        } catch (InvalidIntakeException | CaseNotFoundException refused) {
            return new Plan(s, RowTime.of(clock)).result(RatingResult.rejected(s.caseNo(), s.intakeRef(), refused,
                    s.fields()));
        }
    }

    private Map<String, Object> plan(RatingSubmission s, Map<String, Object> caseRow,
            List<Map<String, Object>> intakes, List<Map<String, Object>> ratings) {
        if (caseRow == null) {
            throw new CaseNotFoundException(s.caseNo());
        }
        Map<String, Object> intake = intake(s, intakes);
        long intakeId = ((Number) intake.get("id")).longValue();
        String intakeRef = s.intakeRef() != null ? s.intakeRef() : (String) intake.get("external_id");
        String status = (String) caseRow.get("status");
        int round = ((Number) caseRow.get("reopen_count")).intValue();
        OffsetDateTime now = RowTime.of(clock);
        Plan plan = new Plan(s, now);

        if (!s.reached()) {
            plan.event("callback-unreached", null, null, "回访未接通" + plan.about(intakeId));
            return plan.result(RatingResult.of(s.caseNo(), intakeRef, RatingResult.Status.unreached, null, status));
        }
        Optional<Map<String, Object>> last = ratings.stream()
                .filter(r -> ((Number) r.get("intake_id")).longValue() == intakeId)
                .reduce((a, b) -> b);
        if (last.isPresent() && isRepeat(last.get(), round, status)) {
            return plan.result(RatingResult.of(s.caseNo(), intakeRef, RatingResult.Status.duplicate,
                    Rating.valueOf((String) last.get().get("rating")), status));
        }
        if (!AWAITING.contains(status)) {
            throw new InvalidIntakeException(s.fields().caseNo(),
                    "case " + s.caseNo() + " is " + status + ", not waiting for a rating");
        }
        plan.rating(intakeId, round);
        plan.event("rated", null, null, s.rating().name() + " " + s.rating().label() + plan.about(intakeId)
                + comment(s.comment()));
        String after = status;
        if (s.rating() == Rating.DISSATISFIED) {
            after = reopen(plan, status);
        } else if (ratedThisRound(ratings, round, intakeId) == intakes.size()) {
            after = CaseStatus.CLOSED.name();
            plan.move(status, after, "closed", "回访：" + summary(ratings, round, s.rating()));
        }
        return plan.result(RatingResult.of(s.caseNo(), intakeRef, RatingResult.Status.rated, s.rating(), after));
    }

    /** 重办: the case reopened and dispatched again to its lead department (direct:reopen-case), saying why. */
    private static String reopen(Plan plan, String status) {
        RatingSubmission s = plan.submission;
        plan.map.put("reopen", new CaseReopening(s.caseNo(), "市民不满意" + comment(s.comment()),
                Plan.actor(s), s.channel(), AWAITING));
        return CaseStatus.REOPENED.name();
    }

    /**
     * A rating of an intake that already rated this answer; or whose last rating reopened the case, which has not
     * been answered again since (a re-sent 不满意 must not reopen twice).
     */
    private static boolean isRepeat(Map<String, Object> last, int round, String status) {
        int lastRound = ((Number) last.get("round")).intValue();
        return lastRound == round || (lastRound == round - 1 && !AWAITING.contains(status)
                && Rating.DISSATISFIED.name().equals(last.get("rating")));
    }

    /** The intake rated: the one the channel knows, else the case's only intake of the channel's kind. */
    private static Map<String, Object> intake(RatingSubmission s, List<Map<String, Object>> intakes) {
        if (s.intakeId() != null) {
            return intakes.stream().filter(i -> s.intakeId().equals(((Number) i.get("id")).longValue()))
                    .findFirst().orElseThrow(() -> new InvalidIntakeException(s.fields().intake(),
                            "not an intake of case " + s.caseNo()));
        }
        List<Map<String, Object>> ofKind = intakes.stream()
                .filter(i -> Channel.ofCode((String) i.get("channel")).kind().equals(s.kind())).toList();
        if (s.intakeRef() != null) {
            return ofKind.stream().filter(i -> s.intakeRef().equals(i.get("external_id"))).findFirst()
                    .orElseThrow(() -> new InvalidIntakeException(s.fields().intake(),
                            "no " + s.kind() + " intake " + s.intakeRef() + " in case " + s.caseNo()));
        }
        if (ofKind.size() == 1) {
            return ofKind.get(0);
        }
        if (ofKind.isEmpty() && "web".equals(s.kind())) {
            // the web sees only the cases that came in by the web (as Open311 lists them)
            throw new CaseNotFoundException(s.caseNo());
        }
        throw new InvalidIntakeException(s.fields().intake(), ofKind.isEmpty()
                ? "case " + s.caseNo() + " did not come in by " + s.kind()
                : "required: case " + s.caseNo() + " has " + ofKind.size() + " " + s.kind() + " intakes");
    }

    /** Intakes that have rated this round, the one rating now included. */
    private static long ratedThisRound(List<Map<String, Object>> ratings, int round, long intakeId) {
        return ratings.stream().filter(r -> ((Number) r.get("round")).intValue() == round)
                .map(r -> ((Number) r.get("intake_id")).longValue()).filter(id -> id != intakeId).distinct().count()
                + 1;
    }

    /** "满意 1、基本满意 1": the ratings of this round by value, for the closing event. */
    static String summary(List<Map<String, Object>> ratings, int round, Rating now) {
        Map<Rating, Integer> counts = new LinkedHashMap<>();
        for (Rating r : Rating.values()) {
            counts.put(r, 0);
        }
        ratings.stream().filter(r -> ((Number) r.get("round")).intValue() == round)
                .forEach(r -> counts.merge(Rating.valueOf((String) r.get("rating")), 1, Integer::sum));
        if (now != null) {
            counts.merge(now, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((r, n) -> {
            if (n > 0) {
                parts.add(r.label() + " " + n);
            }
        });
        return String.join("、", parts);
    }

    private static String comment(String comment) {
        return comment == null || comment.isBlank() ? "" : "：" + comment;
    }

    /** The rows a plan writes, built up as the decision goes. */
    private static final class Plan {
        final RatingSubmission submission;
        final OffsetDateTime now;
        final Map<String, Object> map = new LinkedHashMap<>();
        final List<CaseEvent> events = new ArrayList<>();
        final List<StatusMove> moves = new ArrayList<>();

        Plan(RatingSubmission submission, OffsetDateTime now) {
            this.submission = submission;
            this.now = now;
            map.put("rating", null);
            map.put("reopen", null);
        }

        String about(long intakeId) {
            return "（" + submission.channel() + "，来源 #" + intakeId
                    + (submission.source() == null ? "" : "，" + submission.source()) + "）";
        }

        void rating(long intakeId, int round) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("caseNo", submission.caseNo());
            row.put("intakeId", intakeId);
            row.put("round", round);
            row.put("rating", submission.rating().name());
            row.put("channel", submission.channel());
            row.put("source", submission.source());
            row.put("comment", submission.comment());
            row.put("now", now);
            map.put("rating", row);
        }

        void event(String action, String from, String to, String note) {
            events.add(new CaseEvent(submission.caseNo(), now, actor(submission), submission.channel(), action, from,
                    to, note));
        }

        void move(String from, String to, String action, String note) {
            moves.add(new StatusMove(submission.caseNo(), CaseStatus.valueOf(from), CaseStatus.valueOf(to), now,
                    actor(submission), submission.channel(), action, note));
        }

        /** A callback is the operator's act, what else comes back the citizen's own. */
        static String actor(RatingSubmission s) {
            return "hotline".equals(s.channel()) ? "hotline" + (s.source() == null ? "" : ":" + s.source()) : "citizen";
        }

        Map<String, Object> result(RatingResult result) {
            map.put("writes", new CaseWrites(List.of(), events, moves, List.of()));
            map.put("result", Objects.requireNonNull(result));
            return map;
        }
    }
}

package org.lianxin.repeats;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.Header;
import org.lianxin.cases.CaseEvent;
import org.lianxin.cases.CaseRegistration;
import org.lianxin.cases.CaseStatus;
import org.lianxin.cases.CaseWrites;
import org.lianxin.cases.Channel;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.IntakeRecord;
import org.lianxin.cases.OutboxMessage;
import org.lianxin.cases.PhoneNumbers;
import org.lianxin.cases.PlaceKeys;
import org.lianxin.cases.RowTime;
import org.lianxin.cases.SlipMessages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The decisions of routes/repeats/repeat-check.yaml. An intake repeats an open case (any status but CLOSED and MERGED: a
 * citizen reporting again after an answer, REPLIED or EXPLAINED, is a repeat too, and the department hears of it)
 * when one of the case's intakes
 * <ul>
 * <li>came from the same phone within lianxin.repeats.citizen-window-days, was not at a different place, and
 * scores at least citizen-threshold; or</li>
 * <li>came from the same place (the same place key) within place-window-days, from anyone, and scores at least
 * place-threshold; or</li>
 * <li>is the same message posted again, from anyone, anywhere ({@link RepostRule}: web messages often have neither
 * phone nor place). Its candidates are the text-candidates intakes most like it in this node's
 * {@link OpenCaseTexts}.</li>
 * </ul>
 * A re-post wins, then the best score (the later intake on a tie). Candidates come from indexed lookups of at most
 * max-candidates (text-candidates) intakes each, so an intake costs the same whatever the history. An open case
 * whose text is alike (possible-threshold, {@link RepostRule#likeness}) but not joined is offered to staff as a
 * possible repeat on the new case's page.
 */
@Component("repeatCheck")
public class RepeatCheck {

    public static final String NOTICE_PURPOSE = "repeat-notice";
    /**
     * Cases a repeat may no longer join: closed or merged ones, and answered ones (or answers waiting for review) —
     * a report after the answer was sent to the case's channels would not get that answer, so it is a case of its
     * own, answered in its turn (staff may still merge it by hand).
     */
    static final List<String> CLOSED = List.of(CaseStatus.CLOSED.name(), CaseStatus.MERGED.name(),
            CaseStatus.REPLIED.name(), CaseStatus.EXPLAINED.name(), CaseStatus.IN_REVIEW.name());
    private static final int NOTICE_SUMMARY = 120;
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm")
            .withZone(CountyTime.ZONE);

    private final TextSimilarity similarity;
    private final SlipMessages messages;
    private final Clock clock;
    private final int citizenDays;
    private final double citizenThreshold;
    private final int placeDays;
    private final double placeThreshold;
    private final int maxCandidates;
    private final double possibleThreshold;
    private static final int MAX_POSSIBLE = 3;

    public RepeatCheck(TextSimilarity similarity, SlipMessages messages, Clock clock,
            @Value("${lianxin.repeats.citizen-window-days}") int citizenDays,
            @Value("${lianxin.repeats.citizen-threshold}") double citizenThreshold,
            @Value("${lianxin.repeats.place-window-days}") int placeDays,
            @Value("${lianxin.repeats.place-threshold}") double placeThreshold,
            @Value("${lianxin.repeats.max-candidates}") int maxCandidates,
            @Value("${lianxin.repeats.possible-threshold}") double possibleThreshold) {
        if (citizenThreshold <= 0 || citizenThreshold > 1 || placeThreshold <= 0 || placeThreshold > 1
                || possibleThreshold <= 0 || possibleThreshold > 1) {
            throw new IllegalArgumentException("lianxin.repeats thresholds must be above 0 and at most 1");
        }
        this.similarity = similarity;
        this.messages = messages;
        this.clock = clock;
        this.citizenDays = citizenDays;
        this.citizenThreshold = citizenThreshold;
        this.placeDays = placeDays;
        this.placeThreshold = placeThreshold;
        this.maxCandidates = maxCandidates;
        this.possibleThreshold = possibleThreshold;
    }

    /** Adds the candidate queries' parameters to the intake's: windows back from when it was received. */
    public void criteria(Map<String, Object> p) {
        OffsetDateTime received = (OffsetDateTime) p.get("receivedAt");
        p.put("citizenSince", received.minusDays(citizenDays));
        p.put("placeSince", received.minusDays(placeDays));
        p.put("maxCandidates", maxCandidates);
        p.put("closedStatuses", CLOSED);
    }

    /**
     * The open case the intake repeats, as {caseNo, queryCode, rule, score}, or null. Candidate rows: intake_id,
     * case_no, query_code, content, location, place_key, received_at (the intake's own text, or its case's).
     */
    public Map<String, Object> decide(Map<String, Object> p,
            @Header("citizenCandidates") List<Map<String, Object>> byCitizen,
            @Header("placeCandidates") List<Map<String, Object>> byPlace,
            @Header("textCandidates") List<Map<String, Object>> byText) {
        String content = (String) p.get("content");
        List<Map<String, Object>> texts = byText == null ? List.of() : byText;
        String letters = RepostRule.letters(content);
        RepostRule.Found repost = RepostRule.best(letters,
                texts.stream().map(c -> RepostRule.letters((String) c.get("content"))).toList());
        if (repost != null) {
            return match(texts.get(repost.index()), "text", repost.likeness());
        }
        String location = (String) p.get("location");
        String placeKey = (String) p.get("placeKey");
        Map<String, Object> best = null;
        double bestScore = 0;
        for (Map<String, Object> c : byCitizen == null ? List.<Map<String, Object>>of() : byCitizen) {
            String otherKey = (String) c.get("place_key");
            if (placeKey != null && otherKey != null && !PlaceKeys.samePlace(placeKey, otherKey)) {
                continue;
            }
            double score = similarity.score(content, location, (String) c.get("content"), (String) c.get("location"));
            if (score >= citizenThreshold && score > bestScore) {
                best = match(c, "citizen", score);
                bestScore = score;
            }
        }
        for (Map<String, Object> c : byPlace == null ? List.<Map<String, Object>>of() : byPlace) {
            double score = similarity.score(content, location, (String) c.get("content"), (String) c.get("location"));
            if (score >= placeThreshold && score > bestScore) {
                best = match(c, "place", score);
                bestScore = score;
            }
        }
        return best;
    }

    private static Map<String, Object> match(Map<String, Object> candidate, String rule, double score) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseNo", candidate.get("case_no"));
        m.put("queryCode", candidate.get("query_code"));
        m.put("rule", rule);
        m.put("score", Math.round(score * 100) / 100.0);
        return m;
    }

    /**
     * The open cases offered to staff as possible repeats of a new case: text candidates alike at or above
     * possible-threshold, one row per case (the most alike intake), the most alike first, at most three; none when
     * the intake joined a case.
     */
    public List<Map<String, Object>> possible(Map<String, Object> p, @Header("repeatOf") Map<String, Object> repeatOf,
            @Header("textCandidates") List<Map<String, Object>> byText) {
        if (repeatOf != null || byText == null) {
            return List.of();
        }
        String letters = RepostRule.letters((String) p.get("content"));
        Map<String, Double> best = new LinkedHashMap<>();
        for (Map<String, Object> c : byText) {
            double likeness = RepostRule.likeness(letters, RepostRule.letters((String) c.get("content")));
            if (likeness >= possibleThreshold) {
                best.merge((String) c.get("case_no"), likeness, Math::max);
            }
        }
        return best.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(MAX_POSSIBLE).map(e -> Map.<String, Object>of("repeatOf", e.getKey(),
                        "score", Math.round(e.getValue() * 100) / 100.0))
                .toList();
    }

    /**
     * The parameters of joining: the case joined, the time, the statuses it may not have, and the intake it gains
     * (with its own text and place, so that it can be split off again).
     */
    public void joining(Map<String, Object> p, @Header("repeatOf") Map<String, Object> repeatOf) {
        String caseNo = (String) repeatOf.get("caseNo");
        OffsetDateTime now = RowTime.of(clock);
        p.put("repeatCaseNo", caseNo);
        p.put("now", now);
        p.put("closedStatuses", CLOSED);
        p.put("joining", CaseRegistration.intake((IntakeRecord) p.get("intake"), caseNo, (String) p.get("title"),
                true, now));
    }

    /**
     * The event 'repeat-joined' on the case, naming the channel, the intake and why; and one notice (新的动向) to
     * each address the lead slip reached, through the outbox. Rows of leadDeliveries: slip_no, channel, address,
     * send_round.
     */
    public Map<String, Object> plan(Map<String, Object> p, @Header("repeatOf") Map<String, Object> repeatOf,
            @Header("intakeId") Object intakeId, @Header("repeatCount") Number repeatCount,
            @Header("leadDeliveries") List<Map<String, Object>> leadDeliveries) {
        String caseNo = (String) repeatOf.get("caseNo");
        OffsetDateTime now = (OffsetDateTime) p.get("now");
        Channel channel = Channel.ofCode((String) p.get("channel"));
        String why = switch ((String) repeatOf.get("rule")) {
            case "citizen" -> "同一来电人";
            case "place" -> "同一地点";
            default -> "同一留言再次提交";
        };
        String externalId = (String) p.get("externalId");
        StringBuilder note = new StringBuilder("重复件（").append(why).append("，相似度 ").append(repeatOf.get("score"))
                .append("）：受理 #").append(intakeId).append(" ").append(channel.code());
        if (externalId != null) {
            note.append(" ").append(externalId);
        }
        note.append("，累计重复 ").append(repeatCount).append(" 次");

        String notice = "案件" + caseNo + "又收到一件重复诉求（累计" + repeatCount + "次，" + TIME.format(now) + "）："
                + summary((String) p.get("content"));
        List<OutboxMessage> outbox = new ArrayList<>();
        for (Map<String, Object> d : leadDeliveries == null ? List.<Map<String, Object>>of() : leadDeliveries) {
            String slipNo = (String) d.get("slip_no");
            String to = d.get("channel") + ":" + d.get("address");
            outbox.add(messages.notice(caseNo, slipNo, (String) d.get("channel"), (String) d.get("address"),
                    ((Number) d.get("send_round")).intValue(), NOTICE_PURPOSE, "intake-" + intakeId, notice, now));
            note.append(outbox.size() == 1 ? "；已告知主办 " + slipNo + " " : " ").append(to);
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("writes", CaseWrites.eventsAndOutbox(List.of(CaseEvent.of(caseNo, now, "channel:" + channel.code(),
                channel.code(), "repeat-joined", note.toString())), outbox));
        return plan;
    }

    /** What the department reads of the new report: one line, long numbers masked, cut short. */
    static String summary(String content) {
        String line = PhoneNumbers.maskNumbersIn(SPACE.matcher(content.strip()).replaceAll(" "));
        if (line.codePointCount(0, line.length()) <= NOTICE_SUMMARY) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, NOTICE_SUMMARY)) + "…";
    }
}

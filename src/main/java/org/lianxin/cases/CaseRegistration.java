package org.lianxin.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Header;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The decisions of routes/intake/registration.yaml: the SQL parameters of a new case, its first event and its
 * outbox message, and the answer each channel gets back.
 */
@Component("caseRegistration")
public class CaseRegistration {

    static final int DERIVED_TITLE_LENGTH = 30;

    private final CaseNumbers numbers;
    private final Clock clock;
    private final ObjectMapper json;
    private final String registeredQueue;

    public CaseRegistration(CaseNumbers numbers, Clock clock, ObjectMapper json,
            @Value("${lianxin.queues.registered}") String registeredQueue) {
        this.numbers = numbers;
        this.clock = clock;
        this.json = json;
        this.registeredQueue = registeredQueue;
    }

    /** Named SQL parameters of an intake; every key is present, null or not, as camel-sql requires. */
    public Map<String, Object> parameters(IntakeRecord intake) {
        Map<String, Object> p = new HashMap<>();
        p.put("channel", intake.channel().code());
        p.put("externalId", intake.externalId());
        p.put("receivedAt", intake.receivedAt());
        p.put("citizenName", intake.citizenName());
        p.put("citizenPhone", intake.citizenPhone());
        p.put("idNumber", intake.idNumber());
        p.put("address", intake.address());
        p.put("visitors", intake.visitors());
        p.put("operatorId", intake.operatorId());
        p.put("category", intake.category());
        p.put("title", intake.title() != null ? intake.title() : deriveTitle(intake.content()));
        p.put("content", intake.content());
        p.put("location", intake.location());
        p.put("placeKey", PlaceKeys.of(intake.location()));
        p.put("intake", intake);
        return p;
    }

    /**
     * The intake row of a record for its case: with its own text and place (withText) when it joins a case that has
     * its own, without them when it makes the case (the case holds them).
     */
    public static NewIntake intake(IntakeRecord r, String caseNo, String title, boolean withText, OffsetDateTime at) {
        return new NewIntake(caseNo, r.channel().code(), r.externalId(), r.citizenName(), r.citizenPhone(),
                r.idNumber(), r.address(), r.visitors(), r.operatorId(), r.receivedAt(), withText ? title : null,
                withText ? r.content() : null, withText ? r.location() : null, PlaceKeys.of(r.location()), at);
    }

    /**
     * Adds what a new case needs: its number, query code and time, and its registration: the case, its intake (when
     * the parameters are an intake's) and its first event and outbox message.
     */
    public Map<String, Object> newCase(Map<String, Object> p, @Header("caseSequence") long sequence) {
        OffsetDateTime now = RowTime.of(clock);
        String caseNo = numbers.caseNumber(sequence);
        p.put("caseNo", caseNo);
        p.put("queryCode", numbers.queryCode());
        p.put("status", CaseStatus.REGISTERED.name());
        p.put("now", now);
        String channel = (String) p.get("channel");
        NewCase newCase = new NewCase(caseNo, (String) p.get("queryCode"), (String) p.get("title"),
                (String) p.get("content"), (String) p.get("category"), (String) p.get("location"),
                (String) p.get("citizenName"), (String) p.get("citizenPhone"),
                CountyTime.of(p.get("receivedAt")).toOffsetDateTime(), now);
        IntakeRecord intake = (IntakeRecord) p.get("intake");
        p.put("registration", List.of(new Registration(newCase,
                intake == null ? null : intake(intake, caseNo, null, false, now),
                CaseWrites.eventsAndOutbox(List.of(new CaseEvent(caseNo, now, "channel:" + channel, channel,
                        "registered", null, CaseStatus.REGISTERED.name(), null)),
                        List.of(new OutboxMessage(caseNo, registeredQueue, registeredMessage(p), null, now))))));
        return p;
    }

    /** The new case's possible_repeat rows, from header possibleRepeats ([{repeatOf, score}], routes/repeats/repeat-check.yaml). */
    public List<Map<String, Object>> possibleRepeatRows(Map<String, Object> p,
            @Header("possibleRepeats") List<Map<String, Object>> possible) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> offered : possible) {
            Map<String, Object> row = new HashMap<>(offered);
            row.put("caseNo", p.get("caseNo"));
            row.put("now", p.get("now"));
            rows.add(row);
        }
        return rows;
    }

    public IntakeResult created(Map<String, Object> p) {
        return IntakeResult.created((String) p.get("externalId"), (String) p.get("caseNo"), (String) p.get("queryCode"));
    }

    /** A new case, or the open case it joined as a repeat (header repeatOf, see routes/repeats/repeat-check.yaml). */
    public IntakeResult stored(Map<String, Object> p, @Header("repeatOf") Map<String, Object> repeatOf) {
        if (repeatOf == null) {
            return created(p);
        }
        return IntakeResult.repeat((String) p.get("externalId"), (String) repeatOf.get("caseNo"),
                (String) repeatOf.get("queryCode"));
    }

    /** The existing intake's case, as found by (channel, external id). */
    public IntakeResult duplicate(Map<String, Object> p, @Header("existingCase") Map<String, Object> existing) {
        return IntakeResult.duplicate((String) p.get("externalId"), (String) existing.get("case_no"),
                (String) existing.get("query_code"));
    }

    public IntakeResult rejected(IntakeSubmission submission, Exception problem) {
        return IntakeResult.rejected(submission.externalId(), (InvalidIntakeException) problem);
    }

    private String registeredMessage(Map<String, Object> p) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("caseNo", p.get("caseNo"));
        message.put("channel", p.get("channel"));
        message.put("externalId", p.get("externalId"));
        message.put("category", p.get("category"));
        message.put("title", p.get("title"));
        message.put("receivedAt", p.get("receivedAt").toString());
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String deriveTitle(String content) {
        String firstLine = content.strip().lines().findFirst().orElse("").strip();
        if (firstLine.codePointCount(0, firstLine.length()) <= DERIVED_TITLE_LENGTH) {
            return firstLine;
        }
        return firstLine.substring(0, firstLine.offsetByCodePoints(0, DERIVED_TITLE_LENGTH)) + "…";
    }
}

package org.lianxin.triage;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.Header;
import org.lianxin.cases.CaseEvent;
import org.lianxin.cases.CaseKind;
import org.lianxin.cases.CaseStatus;
import org.lianxin.cases.CaseWrites;
import org.lianxin.cases.Category;
import org.lianxin.cases.CategoryCatalog;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.OutboxMessage;
import org.lianxin.cases.RowTime;
import org.lianxin.cases.StatusMove;
import org.lianxin.directory.Department;
import org.lianxin.directory.DepartmentDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The decisions of routes/triage/triage.yaml: whether a case still needs triage, and what triage writes for it (the
 * case's new fields, one event per decision, the hot notice for the supervisors, the dispatch order) as named
 * SQL parameters, so that the route stores it all in one transaction.
 */
@Component("triage")
public class Triage {

    static final String ACTOR = "system:triage";

    private final Classifier classifier;
    private final Router router;
    private final DepartmentDirectory directory;
    private final CategoryCatalog catalog;
    private final Clock clock;
    private final ObjectMapper json;
    private final String hotQueue;

    public Triage(Classifier classifier, Router router, DepartmentDirectory directory, CategoryCatalog catalog,
            Clock clock, ObjectMapper json, @Value("${lianxin.queues.hot}") String hotQueue) {
        this.classifier = classifier;
        this.router = router;
        this.directory = directory;
        this.catalog = catalog;
        this.clock = clock;
        this.json = json;
        this.hotQueue = hotQueue;
    }

    /**
     * Only a case still registered and not yet classified is triaged: the same message delivered again (a
     * redelivery after a crash, a second node) finds it classified or moved on, and changes nothing.
     */
    public boolean pending(@Header("caseRow") Map<String, Object> row) {
        return row != null && CaseStatus.REGISTERED.name().equals(row.get("status")) && row.get("request_type") == null;
    }

    /**
     * Everything triage writes for the case: writes (its type, category and hot flag; the decisions as events; the
     * move to TRIAGE when the case waits for the dispatchers; the supervisors' notice when hot), decision;
     * order (the DispatchOrder for direct:dispatch-case, null when the case goes to the dispatchers).
     */
    public Map<String, Object> decide(@Header("caseRow") Map<String, Object> row,
            @Header("visitors") Integer visitors) {
        CaseFacts facts = new CaseFacts((String) row.get("case_no"), (String) row.get("title"),
                (String) row.get("content"), (String) row.get("location"), (String) row.get("category"),
                visitors == null || visitors == 0 ? null : visitors);
        Classification c = classifier.classify(facts);
        Routing routing = router.route(c);
        OffsetDateTime now = RowTime.of(clock);

        Map<String, Object> p = new HashMap<>();
        p.put("caseNo", facts.caseNo());
        p.put("now", now);

        List<CaseEvent> events = new ArrayList<>();
        events.add(event(p, "classified", null, null, c.type().note("类型", c.type().value().label())));
        if (c.category() != null) {
            events.add(event(p, "classified", null, null, c.category().note("类别", categoryName(c.categoryCode()))));
        }
        if (c.township() != null) {
            events.add(event(p, "classified", null, null, c.township().note("属地", departmentName(c.townshipId()))));
        }
        if (c.isHot()) {
            events.add(event(p, "hot", null, null, c.hot().note("热点", null)));
        }
        if (routing.confident()) {
            events.add(event(p, "routed", null, null, routed(routing)));
        }
        List<StatusMove> moves = routing.confident() ? List.of() : List.of(new StatusMove(facts.caseNo(),
                CaseStatus.REGISTERED, CaseStatus.TRIAGE, now, ACTOR, null, "triage", "待人工分派：" + routing.reason()));
        p.put("decision", decision(c, routing, now));

        List<OutboxMessage> hotNotice = c.isHot()
                ? List.of(new OutboxMessage(facts.caseNo(), hotQueue, hotNotice(c, routing), null, now)) : List.of();
        p.put("writes", new CaseWrites(List.of(new CaseKind(facts.caseNo(), c.type().value().name(), c.categoryCode(),
                true, c.isHot(), now)), events, moves, hotNotice));
        p.put("order", routing.confident() ? new DispatchOrder(facts.caseNo(), c.type().value(), c.categoryCode(),
                routing.lead(), routing.coHandlers(), "rule:" + routing.rule()) : null);
        return p;
    }

    /**
     * The triage_decision row: what decided the category — CHANNEL, RULE (a certain rule or, without a model, the
     * keywords), MODEL (its version and confidence) — or PEOPLE when the case goes to the dispatchers; with the
     * model's three best suggestions whenever it was asked.
     */
    private Map<String, Object> decision(Classification c, Routing routing, OffsetDateTime now) {
        Map<String, Object> d = new HashMap<>();
        Decision<String> category = c.category();
        String rule = category == null ? null : category.rule();
        String by;
        if (!routing.confident()) {
            by = "PEOPLE";
        } else if (TriageRules.CHANNEL.equals(rule)) {
            by = "CHANNEL";
        } else if (rule != null && rule.startsWith(TriageRules.MODEL_PREFIX)) {
            by = "MODEL";
        } else {
            by = "RULE";
        }
        Classification.ModelOpinion opinion = c.model();
        d.put("caseNo", c.facts().caseNo());
        d.put("decidedBy", by);
        d.put("rule", rule);
        d.put("category", c.categoryCode());
        d.put("modelVersion", opinion == null ? null : opinion.version());
        d.put("confidence", opinion == null || opinion.suggestions().isEmpty() ? null
                : opinion.suggestions().get(0).confidence());
        try {
            d.put("suggestions", opinion == null ? null : json.writeValueAsString(opinion.top(3)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        d.put("now", now);
        return d;
    }

    private static CaseEvent event(Map<String, Object> p, String action, String from, String to, String note) {
        return new CaseEvent((String) p.get("caseNo"), (OffsetDateTime) p.get("now"), ACTOR, null, action, from, to,
                note);
    }

    /** "主办 县供电公司；协办 县城市管理综合执法局 (rule route-utilities-power)". */
    private String routed(Routing routing) {
        String note = "主办 " + departmentName(routing.lead());
        if (!routing.coHandlers().isEmpty()) {
            note += "；协办 " + routing.coHandlers().stream().map(this::departmentName).collect(Collectors.joining("、"));
        }
        return note + " (rule " + routing.rule() + ")";
    }

    /** The supervisors' notice (lianxin.queues.hot): enough to read it without opening the case. */
    private String hotNotice(Classification c, Routing routing) {
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("caseNo", c.facts().caseNo());
        notice.put("title", c.facts().title());
        notice.put("requestType", c.type().value().name());
        notice.put("category", c.categoryCode());
        notice.put("township", c.townshipId());
        notice.put("lead", routing.lead());
        notice.put("reason", c.hot().note("热点", null));
        notice.put("rule", c.hot().rule());
        try {
            return json.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String categoryName(String code) {
        return catalog.find(code).map(Category::name).orElse(code);
    }

    private String departmentName(String id) {
        return directory.find(id).map(Department::name).orElse(id);
    }
}

package org.lianxin.reply;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.Header;
import org.lianxin.cases.CaseEvent;
import org.lianxin.cases.CaseStatus;
import org.lianxin.cases.PhoneNumbers;
import org.lianxin.cases.RowTime;
import org.lianxin.cases.StatusMove;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The decisions of routes/reply/slip-answers.yaml: whether a message may act on its slip (only the slip's own
 * department, by one of its addresses), and the SQL parameters of signing for a slip or returning it.
 */
@Component("slipAnswers")
public class SlipAnswers {

    /** senderKind of the reply page, whose sender is the department the signed link names. */
    public static final String LINK = "link";

    /** case_answer.decision of an answer waiting for a supervisor (an extension request, or one under review). */
    static final String PENDING = "PENDING";

    private final Clock clock;
    private final boolean review;

    public SlipAnswers(Clock clock, @Value("${lianxin.review.enabled}") boolean review) {
        this.clock = clock;
        this.review = review;
    }

    /** The sender as stored in the directory: email addresses in lower case, mobile numbers normalised. */
    public String normaliseSender(@Header("senderKind") String kind, @Header("sender") String sender) {
        if (sender == null) {
            return null;
        }
        if (LINK.equals(kind)) {
            return sender;
        }
        return "mobile".equals(kind) ? PhoneNumbers.normalise(sender).orElse(sender) : sender.strip().toLowerCase();
    }

    public void requireKnownSlip(DepartmentMessage message, @Header("slipRow") Map<String, Object> slip) {
        if (slip == null) {
            throw new UnknownSlipException(message.slipNo());
        }
    }

    public void requireOwnDepartment(DepartmentMessage message, @Header("senderKind") String kind,
            @Header("sender") String sender, @Header("senderMatches") Number matches,
            @Header("slipRow") Map<String, Object> slip) {
        if (LINK.equals(kind)) {
            // The reply page: the signed link names the department, and it must be the slip's own.
            if (!slip.get("department_id").equals(sender)) {
                throw new ForeignSenderException("a link of department " + sender + " does not open slip "
                        + message.slipNo());
            }
            return;
        }
        if (matches == null || matches.intValue() == 0) {
            throw new ForeignSenderException(kind + " " + sender + " is not an address of the department of slip "
                    + message.slipNo());
        }
    }

    /**
     * Parameters of an answer: the slip becomes ANSWERED by a final answer or explanation (SIGNED by progress or an
     * extension request, which also sign for it), and the case moves only by the lead's answer. An extension request
     * waits for a supervisor (decision PENDING); so does, with review, the lead's final answer or explanation, which
     * is then not published (publishNow false) and leaves the case IN_REVIEW.
     */
    public Map<String, Object> answer(DepartmentMessage message, @Header("slipRow") Map<String, Object> slip,
            @Header("sender") String sender) {
        AnswerKind kind = message.kind().orElseThrow();
        // an answer on a returned or superseded lead slip is kept like a co-handler's: it neither moves the case
        // nor reaches citizens
        boolean lead = Boolean.TRUE.equals(slip.get("current_lead"));
        String caseStatus = (String) slip.get("case_status");
        Map<String, Object> p = common(message, slip, sender);
        p.put("departmentId", slip.get("department_id"));
        p.put("kind", kind.name());
        p.put("answerRef", UUID.randomUUID().toString());
        p.put("note", message.text());
        boolean finishes = kind == AnswerKind.FINAL || kind == AnswerKind.EXPLANATION;
        p.put("slipTo", finishes ? "ANSWERED" : "SIGNED");
        boolean publicAnswer = lead && kind != AnswerKind.EXTENSION;
        boolean reviewed = review && publicAnswer && finishes;
        p.put("publicAnswer", publicAnswer);
        p.put("publishNow", publicAnswer && !reviewed);
        p.put("decision", kind == AnswerKind.EXTENSION || reviewed ? PENDING : null);
        String to = caseStatus;
        boolean open = java.util.Set.of(CaseStatus.DISPATCHED.name(), CaseStatus.SIGNED.name(),
                CaseStatus.IN_PROGRESS.name()).contains(caseStatus);
        if (lead && open) {
            to = switch (kind) {
                case PROGRESS -> CaseStatus.IN_PROGRESS.name();
                case FINAL -> reviewed ? CaseStatus.IN_REVIEW.name() : CaseStatus.REPLIED.name();
                case EXPLANATION -> reviewed ? CaseStatus.IN_REVIEW.name() : CaseStatus.EXPLAINED.name();
                default -> caseStatus;
            };
        }
        p.put("toStatus", to);
        p.put("action", switch (kind) {
            case PROGRESS -> "progress";
            case FINAL -> "answered";
            case EXPLANATION -> "explained";
            default -> "extension-requested";
        });
        return withMove(p);
    }

    /** What the reply page sent: the kind the department chose, and its text as typed. */
    public DepartmentMessage fromLink(@Header("slipNo") String slipNo, @Header("kind") String kind,
            @Header("text") String text) {
        return new DepartmentMessage(slipNo, java.util.Optional.of(AnswerKind.valueOf(kind)),
                text == null ? "" : text.strip());
    }

    /** Parameters of an event that keeps a message on its case: its kind word, if any, and its text. */
    public Map<String, Object> received(DepartmentMessage message, @Header("slipRow") Map<String, Object> slip,
            @Header("sender") String sender) {
        Map<String, Object> p = common(message, slip, sender);
        String word = message.kind().map(AnswerKind::word).orElse("");
        p.put("note", (message.slipNo() + " " + word + " " + message.text()).replaceAll("\\s+", " ").strip());
        String status = (String) p.get("fromStatus");
        p.put("event", List.of(new CaseEvent((String) p.get("caseNo"), (OffsetDateTime) p.get("now"),
                (String) p.get("actor"), null, "department-message", status, status, (String) p.get("note"))));
        return p;
    }

    /** What every change a message makes records: the slip and case, when, who, and the case's status then. */
    private Map<String, Object> common(DepartmentMessage message, Map<String, Object> slip, String sender) {
        Map<String, Object> p = new HashMap<>();
        p.put("slipNo", message.slipNo());
        p.put("caseNo", slip.get("case_no"));
        p.put("now", RowTime.of(clock));
        p.put("actor", actor(slip, sender));
        p.put("fromStatus", slip.get("case_status"));
        return p;
    }

    private static String actor(Map<String, Object> slip, String sender) {
        return "department:" + slip.get("department_id") + " (" + sender + ")";
    }

    /**
     * Parameters of a sign-for (签收) or a return (退单): the slip's new status, and the case's when the slip is the
     * lead's (a co-handler's return leaves the case where it is).
     */
    public Map<String, Object> transition(DepartmentMessage message, @Header("slipRow") Map<String, Object> slip,
            @Header("sender") String sender) {
        AnswerKind kind = message.kind().orElseThrow();
        boolean lead = "LEAD".equals(slip.get("role"));
        String caseStatus = (String) slip.get("case_status");
        Map<String, Object> p = common(message, slip, sender);
        p.put("note", message.text().isEmpty() ? null : message.text());
        if (kind == AnswerKind.SIGN) {
            p.put("slipFrom", "ISSUED");
            p.put("slipTo", "SIGNED");
            p.put("action", "signed");
            boolean moves = lead && CaseStatus.DISPATCHED.name().equals(caseStatus);
            p.put("toStatus", moves ? CaseStatus.SIGNED.name() : caseStatus);
        } else {
            // Only a slip in hand can be returned: not one returned or answered already (a late repeat changes nothing).
            String slipStatus = (String) slip.get("status");
            p.put("slipFrom", "ISSUED".equals(slipStatus) || "SIGNED".equals(slipStatus) ? slipStatus : "-");
            p.put("slipTo", "RETURNED");
            p.put("action", "returned");
            boolean moves = lead && (CaseStatus.DISPATCHED.name().equals(caseStatus)
                    || CaseStatus.SIGNED.name().equals(caseStatus) || CaseStatus.IN_PROGRESS.name().equals(caseStatus));
            p.put("toStatus", moves ? CaseStatus.RETURNED.name() : caseStatus);
        }
        return withMove(p);
    }

    /** The case's move (or stay, recorded as an event) that the parameters decided. */
    private static Map<String, Object> withMove(Map<String, Object> p) {
        p.put("move", List.of(new StatusMove((String) p.get("caseNo"), CaseStatus.valueOf((String) p.get("fromStatus")),
                CaseStatus.valueOf((String) p.get("toStatus")), (OffsetDateTime) p.get("now"), (String) p.get("actor"),
                null, (String) p.get("action"), (String) p.get("note"))));
        return p;
    }
}

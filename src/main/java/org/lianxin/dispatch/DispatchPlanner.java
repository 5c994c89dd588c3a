package org.lianxin.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Header;
import org.lianxin.cases.CaseKind;
import org.lianxin.cases.CaseStatus;
import org.lianxin.cases.CaseWrites;
import org.lianxin.calendar.Deadlines;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.NewSlip;
import org.lianxin.cases.OutboxMessage;
import org.lianxin.cases.RowTime;
import org.lianxin.cases.SlipDelivery;
import org.lianxin.cases.SlipMessages;
import org.lianxin.cases.StatusMove;
import org.springframework.stereotype.Component;

/**
 * The decisions of routes/dispatch/dispatch.yaml: which slips a dispatch order makes (one per department, lead first),
 * their numbers and deadlines, one delivery per preferred channel and address, and the outbox messages that carry
 * the deliveries to the email and SMS queues. Everything it returns is written in one transaction.
 */
@Component("dispatchPlanner")
public class DispatchPlanner {

    /** A case can be dispatched from these; any other status means it already was. */
    static final Set<String> DISPATCHABLE = Set.of(CaseStatus.REGISTERED.name(), CaseStatus.TRIAGE.name(),
            CaseStatus.RETURNED.name(), CaseStatus.REOPENED.name());

    private final Deadlines deadlines;
    private final Clock clock;
    private final SlipMessages messages;

    public DispatchPlanner(Deadlines deadlines, Clock clock, SlipMessages messages) {
        this.deadlines = deadlines;
        this.clock = clock;
        this.messages = messages;
    }

    /** The departments of the order, lead first, each once. */
    public List<String> departmentIds(DispatchOrder order) {
        Set<String> ids = new LinkedHashSet<>();
        if (order.lead() == null || order.lead().isBlank()) {
            throw new DispatchRefusedException("no lead department");
        }
        ids.add(order.lead());
        ids.addAll(order.coHandlers());
        return List.copyOf(ids);
    }

    public Map<String, Object> plan(DispatchOrder order, @Header("caseRow") Map<String, Object> caseRow,
            @Header("slipCount") Number slipCount, @Header("departmentRows") List<Map<String, Object>> rows) {
        if (caseRow == null) {
            throw new DispatchRefusedException("no case " + order.caseNo());
        }
        String caseStatus = (String) caseRow.get("status");
        // a hot case (热点: the triage rules' hot keywords) is urgent, with its own time limit
        boolean urgent = Boolean.TRUE.equals(caseRow.get("hot"));
        if (!DISPATCHABLE.contains(caseStatus)) {
            throw new DispatchRefusedException("case " + order.caseNo() + " is " + caseStatus + ", not waiting for dispatch");
        }
        OffsetDateTime now = RowTime.of(clock);
        Instant deadline = deadlines.deadline(order.requestType(), urgent, now.toInstant());
        Instant signForBy = deadlines.signForBy(now.toInstant());
        Instant signBy = signForBy.isBefore(deadline) ? signForBy : deadline;
        Map<String, DepartmentAddresses> departments = DepartmentAddresses.of(rows);

        List<NewSlip> slips = new ArrayList<>();
        List<SlipDelivery> deliveries = new ArrayList<>();
        List<OutboxMessage> outbox = new ArrayList<>();
        int number = slipCount.intValue();
        for (String departmentId : departmentIds(order)) {
            DepartmentAddresses department = departments.get(departmentId);
            if (department == null || !department.active()) {
                throw new DispatchRefusedException("unknown or inactive department " + departmentId);
            }
            List<String[]> targets = department.targets();
            if (targets.isEmpty()) {
                throw new DispatchRefusedException("department " + departmentId + " has no address for its channels");
            }
            String slipNo = order.caseNo() + "-" + (++number);
            slips.add(new NewSlip(slipNo, order.caseNo(), departmentId,
                    departmentId.equals(order.lead()) ? "LEAD" : "CO", order.requestType().name(), order.category(),
                    deadline.atOffset(ZoneOffset.UTC), signBy.atOffset(ZoneOffset.UTC),
                    deadlines.linkExpiry(deadline).atOffset(ZoneOffset.UTC), order.decidedBy(), order.reopenNote(),
                    now));
            for (String[] target : targets) {
                deliveries.add(new SlipDelivery(slipNo, target[0], target[1]));
                outbox.add(messages.slip(order.caseNo(), slipNo, target[0], target[1], 1, now));
            }
        }
        CaseKind kind = new CaseKind(order.caseNo(), order.requestType().name(), order.category(), false, null,
                now);
        StatusMove move = new StatusMove(order.caseNo(), CaseStatus.valueOf(caseStatus), CaseStatus.DISPATCHED, now,
                order.decidedBy(), null, "dispatched", note(order));

        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("slips", slips);
        plan.put("deliveries", deliveries);
        plan.put("writes", new CaseWrites(List.of(kind), List.of(), List.of(move), outbox));
        return plan;
    }


    private static String note(DispatchOrder order) {
        StringBuilder note = new StringBuilder("主办 ").append(order.lead());
        if (!order.coHandlers().isEmpty()) {
            note.append("；协办 ").append(String.join("、", order.coHandlers()));
        }
        return note.append("（").append(order.decidedBy()).append("）").toString();
    }

    /** A department's state and addresses, from the rows of the department / address join. */
    record DepartmentAddresses(boolean active, boolean email, boolean sms, List<String[]> addresses) {

        static Map<String, DepartmentAddresses> of(List<Map<String, Object>> rows) {
            Map<String, DepartmentAddresses> byId = new LinkedHashMap<>();
            for (Map<String, Object> row : rows) {
                DepartmentAddresses d = byId.computeIfAbsent((String) row.get("id"), id -> new DepartmentAddresses(
                        Boolean.TRUE.equals(row.get("active")), Boolean.TRUE.equals(row.get("prefers_email")),
                        Boolean.TRUE.equals(row.get("prefers_sms")), new ArrayList<>()));
                if (row.get("kind") != null) {
                    d.addresses.add(new String[] {(String) row.get("kind"), (String) row.get("address")});
                }
            }
            return byId;
        }

        /** (channel, address) pairs the slip goes to: every email if email is preferred, every mobile if SMS is. */
        List<String[]> targets() {
            List<String[]> targets = new ArrayList<>();
            for (String[] a : addresses) {
                if ("email".equals(a[0]) && email) {
                    targets.add(new String[] {"email", a[1]});
                } else if ("mobile".equals(a[0]) && sms) {
                    targets.add(new String[] {"sms", a[1]});
                }
            }
            return targets;
        }
    }
}

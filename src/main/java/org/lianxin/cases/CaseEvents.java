package org.lianxin.cases;

import java.util.HashMap;
import java.util.Map;

/**
 * The named parameters of one case_event row as the routes insert it: (:#caseNo, :#now, :#actor, channel,
 * :#action, :#fromStatus, :#toStatus, :#note). Mutable, so that a caller may add what its own insert needs.
 */
public final class CaseEvents {

    private CaseEvents() {
    }

    public static Map<String, Object> row(Object caseNo, Object now, Object actor, String action, Object fromStatus,
            Object toStatus, String note) {
        Map<String, Object> e = new HashMap<>();
        e.put("caseNo", caseNo);
        e.put("now", now);
        e.put("actor", actor);
        e.put("action", action);
        e.put("fromStatus", fromStatus);
        e.put("toStatus", toStatus);
        e.put("note", note);
        return e;
    }
}

package org.lianxin.cases;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** Helpers of routes/cases/outbox-relay.yaml. */
@Component("outboxRelay")
public class OutboxRelay {

    /** The ids of a batch of outbox rows, to delete them once they are on the broker. */
    public List<Object> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> row.get("id")).toList();
    }
}

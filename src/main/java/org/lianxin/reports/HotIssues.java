package org.lianxin.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The dashboard's hot issues (热点) panel, from the clusters the dashboard route reads from routes/repeats/hot-clusters.yaml:
 * each shown by its label and the number of citizens, with the rest as that route gives it.
 */
@Component("hotIssues")
public class HotIssues {

    /** available: always, now that the hub lists hot issues; clusters: the week's. */
    public Map<String, Object> panel(List<?> clusters) {
        return Map.of("available", true, "clusters", clusters == null ? List.of()
                : clusters.stream().map(c -> shown((Map<?, ?>) c)).toList());
    }

    static Map<String, Object> shown(Map<?, ?> cluster) {
        Map<String, Object> shown = new LinkedHashMap<>();
        cluster.forEach((k, v) -> shown.put(String.valueOf(k), v));
        shown.put("title", cluster.get("label"));
        shown.put("size", cluster.get("citizens"));
        return shown;
    }
}

package org.lianxin.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard's hot issues (热点) panel, from the clusters of routes/hot-clusters.yaml (org.lianxin.repeats
 * .HotClusters): each shown by its label and the number of citizens, with the rest as the route gives it.
 */
@Component("hotIssues")
public class HotIssues {

    private final ProducerTemplate camel;

    public HotIssues(ProducerTemplate camel) {
        this.camel = camel;
    }

    /** available: always, now that the hub lists hot issues; clusters: the week's. */
    public Map<String, Object> panel() {
        List<?> clusters = camel.requestBodyAndHeader("direct:hot-clusters", null, "hotLatest", true, List.class);
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

package org.lianxin.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.springframework.stereotype.Component;

/**
 * The dashboard's hot issues (热点) panel, fed by the route `direct:hot-clusters` where the hub has one: its body
 * is a list of clusters, each a map (title or label or name; size or count or citizens; what else it tells). Without that route the panel says it
 * has nothing to show, and the rest of the dashboard works the same.
 */
@Component("hotIssues")
public class HotIssues {

    static final String ROUTE_URI = "direct://hot-clusters";

    private final CamelContext camelContext;
    private final ProducerTemplate camel;

    public HotIssues(CamelContext camelContext, ProducerTemplate camel) {
        this.camelContext = camelContext;
        this.camel = camel;
    }

    /** available: whether the hub lists hot issues at all; clusters: the list (empty when not available). */
    public Map<String, Object> panel() {
        if (!available()) {
            return Map.of("available", false, "clusters", List.of());
        }
        List<?> clusters = camel.requestBody("direct:hot-clusters", null, List.class);
        return Map.of("available", true, "clusters", clusters == null ? List.of()
                : clusters.stream().map(HotIssues::shown).toList());
    }

    /** A cluster as the panel shows it: title (or label, name) and size (or count); what else it has, as given. */
    static Map<String, Object> shown(Object cluster) {
        Map<String, Object> shown = new LinkedHashMap<>();
        if (cluster instanceof Map<?, ?> m) {
            m.forEach((k, v) -> shown.put(String.valueOf(k), v));
            shown.put("title", first(m, "title", "label", "name"));
            shown.put("size", first(m, "size", "count", "citizens"));
        } else {
            shown.put("title", String.valueOf(cluster));
            shown.put("size", null);
        }
        return shown;
    }

    private static Object first(Map<?, ?> m, String... keys) {
        for (String key : keys) {
            if (m.get(key) != null) {
                return m.get(key);
            }
        }
        return null;
    }

    boolean available() {
        return camelContext.getRoutes().stream().map(Route::getEndpoint)
                .anyMatch(e -> ROUTE_URI.equals(e.getEndpointUri()) || "direct:hot-clusters".equals(e.getEndpointUri()));
    }
}

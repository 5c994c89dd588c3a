package org.lianxin.triage;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * lianxin.triage.*: where the rules file is, and what makes a case hot (热点): one of the hot keywords in its
 * text, or a walk-in petition of at least hot-visitors people (集体访).
 */
@ConfigurationProperties("lianxin.triage")
public record TriageSettings(String rules, List<String> hotKeywords, int hotVisitors) {

    public TriageSettings {
        hotKeywords = hotKeywords == null ? List.of()
                : hotKeywords.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
        if (hotVisitors < 1) {
            throw new IllegalArgumentException("lianxin.triage.hot-visitors must be at least 1");
        }
    }
}

package org.lianxin.triage;

/**
 * One decision of the rules: what was decided, the id of the rule that decided it, and what in the case made it
 * (the keywords found, or a count), so that a dispatcher reading the event log can check it.
 */
public record Decision<T>(T value, String rule, String evidence) {

    /** "类型 投诉 (rule type-complaint: “乱收费”)": the note of the case event recording this decision. */
    public String note(String label, String valueName) {
        return label + (valueName == null || valueName.isEmpty() ? "" : " " + valueName) + " (rule " + rule + (evidence == null ? "" : ": " + evidence) + ")";
    }
}

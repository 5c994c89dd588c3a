package org.lianxin.triage;

/** A message whose category a person decided: a line of an imported archive, or a case a dispatcher routed. */
public record LabelledMessage(String title, String content, String category) {
}

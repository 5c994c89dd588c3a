package org.lianxin.triage;

/** A category the model suggests, with its probability (0..1). */
public record Suggestion(String category, double confidence) {
}

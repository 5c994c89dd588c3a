/**
 * Triage: what each registered case is (request type, category, township, hot or not) and who handles it (lead
 * and co-handling departments), decided by configurable rules (lianxin.triage.rules, lianxin.categories keywords,
 * lianxin.triage.hot-keywords) and recorded on the case with the rule that decided it. A case the rules are not
 * sure of goes to the dispatchers' queue (status TRIAGE) rather than to a guessed department. Used by
 * routes/triage/triage.yaml; imports only {@code org.lianxin.cases} and {@code org.lianxin.directory}.
 */
package org.lianxin.triage;

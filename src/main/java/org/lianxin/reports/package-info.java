/**
 * Figures for supervisors, counted from the recorded facts when asked (the case event log, slips, answers, ratings,
 * intakes; no counters kept apart): the dashboard, the quarterly report per department (季度通报) with its CSV and
 * Excel exports, and spot checks of closed cases (回头看 / 抽查), a failed one reopening its case.
 */
package org.lianxin.reports;

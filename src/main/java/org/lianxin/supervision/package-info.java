/**
 * Supervision: what supervisors and leaders are told and shown — hot cases at once, and (with the supervision
 * release) deadlines, reminders, escalation, repeats and reports.
 */
package org.lianxin.supervision;

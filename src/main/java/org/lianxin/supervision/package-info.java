/**
 * Supervision: what supervisors and leaders are told and shown — hot cases at once; deadlines watched
 * (reminders, overdue, escalation to leaders); extension requests and answer review; leaders' instructions (批示) on
 * a case or a hot issue, sent to the lead departments.
 */
package org.lianxin.supervision;

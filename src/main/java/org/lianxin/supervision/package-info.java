/**
 * Supervision: what supervisors and leaders are told and shown — hot cases at once; deadlines watched
 * (reminders, overdue, escalation to leaders); extension requests and answer review.
 */
package org.lianxin.supervision;

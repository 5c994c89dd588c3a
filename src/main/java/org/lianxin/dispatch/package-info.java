/**
 * Dispatch: turning a triage decision ({@link org.lianxin.cases.DispatchOrder}) into assignment slips (交办单) for the
 * lead and co-handling departments, and each slip into deliveries by email and SMS, queued through the outbox; then
 * sending them (the email: {@link org.lianxin.dispatch.SlipMail}), retrying, parking and replaying them.
 */
package org.lianxin.dispatch;

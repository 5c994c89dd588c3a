/**
 * Dispatch: turning a triage decision ({@link org.lianxin.cases.DispatchOrder}) into assignment slips (交办单) for the
 * lead and co-handling departments, and each slip into deliveries by email and SMS, queued through the outbox; then
 * sending them, retrying, parking and replaying them. Email: {@link org.lianxin.dispatch.SlipMail}. SMS: the slip's
 * short text ({@link org.lianxin.dispatch.SlipSms}), the references and secrets a gateway reports with
 * ({@link org.lianxin.dispatch.SmsRefs}), and the gateways' delivery reports ({@link org.lianxin.dispatch.SmsReports}).
 */
package org.lianxin.dispatch;

/**
 * Sync: every public answer (the lead's progress, final answer or explanation) back to each channel the citizen
 * used. When an answer is published, {@link org.lianxin.sync.SyncPlanner} makes one record per intake and target —
 * the web portal (a reply table or an HTTP endpoint), the hotline's callback task, an SMS to the citizen, and after
 * the final answer the satisfaction survey SMS — and an outbox message for each; {@link
 * org.lianxin.sync.SyncRecords} sends each record once, retries it and parks it. The SMS texts are {@link
 * org.lianxin.sync.CitizenSms}.
 */
package org.lianxin.sync;

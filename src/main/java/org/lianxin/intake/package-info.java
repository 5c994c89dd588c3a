/**
 * Intake: turning what each channel sends (Open311 requests, portal rows, hotline call records and CSV exports,
 * walk-in petitions) into one validated {@link org.lianxin.cases.IntakeRecord}. Each decision is a small bean
 * called from the routes in routes/intake-*.yaml.
 */
package org.lianxin.intake;

/**
 * The shared ground's department directory: who handles cases (departments and townships), where their assignment
 * slips go (email addresses, mobile numbers), and which department an answer came from. Seeded from
 * lianxin.directory.seed, stored in the database. Feature packages (triage, dispatch, reply, web) may import it;
 * it imports only {@code org.lianxin.cases}.
 */
package org.lianxin.directory;

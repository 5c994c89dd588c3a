/**
 * The shared ground: the canonical case, its numbering, its statuses, its event log and the outbox that hands
 * each new case to the broker. Feature packages (intake, web, ...) meet here and never import each other.
 */
package org.lianxin.cases;

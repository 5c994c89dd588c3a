package org.lianxin.cases;

/**
 * A case registered: the case, the intake that made it (none when the intake is there already, as for a case split
 * off another) and its first writes (the event and the message to triage).
 */
public record Registration(NewCase newCase, NewIntake intake, CaseWrites writes) {
}

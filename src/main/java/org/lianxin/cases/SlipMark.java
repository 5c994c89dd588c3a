package org.lianxin.cases;

/** The times the deadline watch and the sign-for reminders note on a slip, so that each is done once. */
public enum SlipMark {
    SIGN_REMINDED("sign_reminded_at"), DUE_REMINDED("due_reminded_at"), OVERDUE("overdue_at"),
    ESCALATED("escalated_at");

    final String column;

    SlipMark(String column) {
        this.column = column;
    }
}

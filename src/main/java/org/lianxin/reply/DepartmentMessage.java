package org.lianxin.reply;

import java.util.Optional;

/**
 * A department's message about one slip, as read from an email, an SMS or the reply page.
 *
 * @param kind the kind named by the message's first word; empty when it names none (each channel has its rule)
 * @param text what the department wrote, without the kind word, the slip number, quoted history or signature
 */
public record DepartmentMessage(String slipNo, Optional<AnswerKind> kind, String text) {

    /** The kind's name, or "" when the message names none: for routes to choose on. */
    public String kindName() {
        return kind.map(Enum::name).orElse("");
    }
}

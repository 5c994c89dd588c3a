package org.lianxin.reply;

import java.util.List;

import org.lianxin.attachments.Attachment;

/**
 * A mail in the hub's mailbox, read from its RFC 822 bytes: who sent it, its id, subject, text and attached files
 * (not yet checked against the limits: that is decided when they are kept with the case).
 */
public record IncomingMail(String messageId, String from, String subject, String text, List<Attachment> attachments) {

    public IncomingMail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The files, or null when there are none: what routes pass on as header attachments. */
    public List<Attachment> attachmentsOrNull() {
        return attachments.isEmpty() ? null : attachments;
    }
}

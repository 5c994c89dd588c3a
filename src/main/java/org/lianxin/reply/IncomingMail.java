package org.lianxin.reply;

/** A mail in the hub's mailbox, read from its RFC 822 bytes: who sent it, its id, subject and text. */
public record IncomingMail(String messageId, String from, String subject, String text) {
}

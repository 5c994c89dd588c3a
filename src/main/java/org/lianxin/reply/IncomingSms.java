package org.lianxin.reply;

/**
 * A department's SMS as a gateway forwarded it: the gateway (kannel, twilio, http), the key that names this message
 * whenever the gateway sends it again, the sender's number and the text.
 */
public record IncomingSms(String gateway, String messageKey, String from, String text) {
}

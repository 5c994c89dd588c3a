package org.lianxin.reply;

/** A message about a slip from someone who is not one of the slip's department's addresses: never applied. */
public class ForeignSenderException extends RuntimeException {
    public ForeignSenderException(String message) {
        super(message);
    }
}

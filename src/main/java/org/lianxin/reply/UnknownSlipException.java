package org.lianxin.reply;

/** A message names a slip number that does not exist. */
public class UnknownSlipException extends RuntimeException {
    public UnknownSlipException(String slipNo) {
        super("no slip " + slipNo);
    }
}

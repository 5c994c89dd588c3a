package org.lianxin.dispatch;

/** What a notice about a slip tells its department (text), and the reference that makes it one message. */
record SlipNotice(String text, String ref) {
}

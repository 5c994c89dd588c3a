package org.lianxin.gateways;

/**
 * How long an SMS in Chinese is: every text the hub sends by SMS goes as UCS-2, where one message holds 70
 * characters and each part of a longer, concatenated one 67. Shared by the slips' and the citizens' SMS.
 */
public final class SmsParts {

    public static final int SINGLE = 70;
    public static final int PART = 67;

    private SmsParts() {
    }

    /** How many SMS a UCS-2 text takes: one up to 70 characters, else parts of 67. */
    public static int segments(String text) {
        int length = text.length();
        if (length <= SINGLE) {
            return length == 0 ? 0 : 1;
        }
        return (length + PART - 1) / PART;
    }

    /** The most characters that fit in that many segments. */
    public static int capacity(int segments) {
        return segments == 1 ? SINGLE : segments * PART;
    }

    /** At most room characters, the last one … when cut; never half of a surrogate pair. */
    public static String cut(String text, int room) {
        if (text.length() <= room) {
            return text;
        }
        int end = room - 1;
        if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}

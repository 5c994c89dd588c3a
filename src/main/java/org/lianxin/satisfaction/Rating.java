package org.lianxin.satisfaction;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A citizen's rating of the answer: the survey SMS offers 1 满意, 2 基本满意, 3 不满意. */
public enum Rating {
    SATISFIED("1", "满意"),
    BASICALLY_SATISFIED("2", "基本满意"),
    DISSATISFIED("3", "不满意");

    /** A reply to the survey: the digit or the word first, then anything the citizen adds. */
    private static final Pattern SMS_REPLY = Pattern.compile(
            "(?s)\\s*(?:([123１２３])(?![0-9０-９])|(基本满意|不满意|满意))[\\s,，.。:：;；、!！]*(.*)");

    private final String digit;
    private final String label;

    Rating(String digit, String label) {
        this.digit = digit;
        this.label = label;
    }

    public String digit() {
        return digit;
    }

    public String label() {
        return label;
    }

    /** A rating and the words that came with it. */
    public record Reply(Rating rating, String comment) {
    }

    /** The rating an API gives: its name (SATISFIED), its digit (1) or its word (满意); anything else is empty. */
    public static Optional<Rating> of(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        for (Rating r : values()) {
            if (r.name().equals(v.toUpperCase(Locale.ROOT)) || r.digit.equals(v) || r.label.equals(v)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * A citizen's SMS read as a reply to the survey: "1", "3 还是没修好", "不满意，路灯还是不亮"; full-width digits
     * count. A text starting otherwise, or with a longer number ("12 号楼"), is not a rating. The comment is kept
     * as written.
     */
    public static Optional<Reply> fromSms(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SMS_REPLY.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Rating rating = of(m.group(1) != null ? m.group(1) : m.group(2)).orElseThrow();
        String comment = m.group(3).strip();
        return Optional.of(new Reply(rating, comment.isEmpty() ? null : comment));
    }
}

package org.lianxin.cases;

import java.util.Optional;
import java.util.regex.Pattern;

/** Chinese mobile and landline numbers: one stored form, and a masked form for logs and pages. */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()（）]");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** Area code (3-4 digits starting with 0) and a 7-8 digit number; 12345-style service numbers too. */
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}\\d{7,8}|\\d{7,8}|12\\d{3}");

    private PhoneNumbers() {
    }

    /** The normalised number (digits only, no +86), or empty when it is not a Chinese phone number. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        if (MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches()) {
            return Optional.of(digits);
        }
        return Optional.empty();
    }

    public static boolean isMobile(String normalised) {
        return normalised != null && MOBILE.matcher(normalised).matches();
    }

    /** Any run of 7 or more digits in a text (a phone or an ID number a citizen wrote), masked like a phone. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{7,}[Xx]?");

    /** The text with every phone-like or ID-like number masked: for what the public or an SMS may show. */
    public static String maskNumbersIn(String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher m = LONG_NUMBER.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(masked, java.util.regex.Matcher.quoteReplacement(mask(m.group())));
        }
        m.appendTail(masked);
        return masked.toString();
    }

    /** 13812341234 becomes 138****1234; short numbers keep only their last digits. */
    public static String mask(String phone) {
        if (phone == null || phone.isEmpty()) {
            return phone;
        }
        if (phone.length() >= 11) {
            return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
        }
        int keep = Math.min(4, phone.length() / 2);
        return "*".repeat(phone.length() - keep) + phone.substring(phone.length() - keep);
    }
}

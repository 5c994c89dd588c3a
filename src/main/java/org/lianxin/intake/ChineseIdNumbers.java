package org.lianxin.intake;

import java.util.Optional;
import java.util.regex.Pattern;

/** The 18-character resident identity number (GB 11643), checked with its ISO 7064 MOD 11-2 check digit. */
final class ChineseIdNumbers {

    private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private ChineseIdNumbers() {
    }

    static Optional<String> normalise(String raw) {
        String id = raw.strip().toUpperCase();
        if (!SHAPE.matcher(id).matches()) {
            return Optional.empty();
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11] == id.charAt(17) ? Optional.of(id) : Optional.empty();
    }
}

package org.lianxin.cases;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A location as a key that the same place written alike shares: full-width forms folded (ＡＢ１ → ab1), lower
 * case, spaces and punctuation gone, and the coordinates an Open311 client may add ("（坐标 …）") left out. So
 * "城关镇 幸福小区3号楼" and "城关镇幸福小区３号楼。" are one place; "幸福小区3号楼" is not (precision first: a
 * wrong repeat is worse than a missed one). Stored with each intake and indexed, for finding repeats by place.
 */
public final class PlaceKeys {

    /** Longest key kept (the column's size): a location is never that long in practice. */
    static final int MAX = 500;
    private static final Pattern COORDINATES = Pattern.compile("[（(]坐标[^）)]*[）)]");
    private static final Pattern NOISE = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s]+");

    private PlaceKeys() {
    }

    /** The key, or null when the location says nothing (absent, blank, punctuation only). */
    public static String of(String location) {
        if (location == null) {
            return null;
        }
        String key = COORDINATES.matcher(location).replaceAll("");
        key = Normalizer.normalize(key, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        key = NOISE.matcher(key).replaceAll("");
        if (key.isEmpty()) {
            return null;
        }
        return key.length() > MAX ? key.substring(0, MAX) : key;
    }

    /** The same place: equal keys, or one written more fully than the other ("城关镇幸福小区3号楼" ⊃ "幸福小区3号楼"). */
    public static boolean samePlace(String a, String b) {
        return a != null && b != null && (a.contains(b) || b.contains(a));
    }
}

package org.lianxin.intake;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lianxin.cases.InvalidIntakeException;

/**
 * Where an Open311 request is: address_string as given, with lat/long appended in a form staff can read
 * ("幸福小区3号楼（坐标 39.9042, 116.4074）"). A case has one location text and no coordinate columns, so the
 * coordinates travel in that text and are read back from it for GET requests.
 */
final class Open311Location {

    private static final String OPEN = "（坐标 ";
    private static final String CLOSE = "）";
    private static final Pattern COORDINATES = Pattern.compile(
            Pattern.quote(OPEN) + "(-?\\d+(?:\\.\\d+)?), (-?\\d+(?:\\.\\d+)?)" + Pattern.quote(CLOSE) + "$");

    private Open311Location() {
    }

    record Point(double lat, double lon) {
    }

    /** The location text of a request: null when it gave neither an address nor coordinates. */
    static String compose(String address, String lat, String lon) {
        boolean hasLat = lat != null && !lat.isBlank();
        boolean hasLong = lon != null && !lon.isBlank();
        if (hasLat != hasLong) {
            throw new InvalidIntakeException(hasLat ? "long" : "lat", "required with " + (hasLat ? "lat" : "long"));
        }
        String place = address == null || address.isBlank() ? "" : address;
        if (hasLat) {
            place += OPEN + degrees("lat", lat, 90).toPlainString() + ", " + degrees("long", lon, 180).toPlainString()
                    + CLOSE;
        }
        return place.isEmpty() ? null : place;
    }

    /** The coordinates a stored location carries, if it carries any. */
    static Optional<Point> point(String location) {
        Matcher m = location == null ? null : COORDINATES.matcher(location);
        if (m == null || !m.find()) {
            return Optional.empty();
        }
        return Optional.of(new Point(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))));
    }

    private static BigDecimal degrees(String field, String value, int limit) {
        BigDecimal d;
        try {
            d = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidIntakeException(field, "not a decimal number of degrees: '" + value + "'");
        }
        if (d.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            throw new InvalidIntakeException(field, "must be between -" + limit + " and " + limit);
        }
        return d;
    }
}

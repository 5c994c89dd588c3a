package org.lianxin.cases;

import java.util.Arrays;

/**
 * The system a request came through. (channel, external id) is an intake's idempotency key; the kind says which
 * way the citizen reached the county (web, hotline, walk-in), and so how the answer goes back.
 */
public enum Channel {
    OPEN311("open311", "web"),
    PORTAL("portal", "web"),
    HOTLINE("hotline", "hotline"),
    DESK("desk", "walk-in");

    private final String code;
    private final String kind;

    Channel(String code, String kind) {
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public String kind() {
        return kind;
    }

    public static Channel ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown channel " + code));
    }
}

package org.lianxin.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Where citizens follow their case, as printed on the receipt and on the reply letter. */
@Component
public class QueryAddress {

    private final String configured;

    public QueryAddress(@Value("${lianxin.desk.query-url}") String configured) {
        this.configured = configured;
    }

    /** The configured address, or else this hub's own /query page as the current request reached the hub. */
    public String get() {
        return configured.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().path("/query").toUriString() : configured;
    }
}

package org.lianxin.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page shows in its header: the county the hub serves. */
@ControllerAdvice
public class PageDefaults {

    private final String countyName;

    public PageDefaults(@Value("${lianxin.county-name}") String countyName) {
        this.countyName = countyName;
    }

    @ModelAttribute("countyName")
    public String countyName() {
        return countyName;
    }
}

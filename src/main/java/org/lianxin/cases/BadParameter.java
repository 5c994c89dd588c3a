package org.lianxin.cases;

/** A request parameter (a page's or an export's) that cannot mean anything: a 400 naming it. */
public class BadParameter extends RequestRefused {

    public BadParameter(String field, String message) {
        super(400, field, message);
    }
}

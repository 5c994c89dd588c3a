package org.lianxin.cases;

/** A case category; the Open311 services are these, and service_code is the code. */
public record Category(String code, String name, String description, String group, String keywords) {
}

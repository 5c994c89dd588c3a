package org.lianxin.intake;

/** An Open311 service or service request that does not exist, or is not public: answered 404. */
public class Open311NotFoundException extends RuntimeException {
    public Open311NotFoundException(String field, String value) {
        super(field + ": no such " + ("service_code".equals(field) ? "service" : "request") + " '" + value + "'");
    }
}

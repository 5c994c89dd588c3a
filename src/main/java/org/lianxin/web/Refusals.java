package org.lianxin.web;

import java.util.Optional;

import org.apache.camel.CamelExecutionException;
import org.lianxin.cases.RequestRefused;

/** A route's refusal (a bad parameter, a change that cannot be made) out of the exception Camel wraps it in. */
final class Refusals {

    private Refusals() {
    }

    static Optional<RequestRefused> of(CamelExecutionException e) {
        // a transacted route hands it on wrapped once more
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestRefused refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }

    /** "quarter：季度应为 1 到 4": the field at fault, then what is wrong. */
    static String describe(RequestRefused refused) {
        return refused.field() == null ? refused.getMessage() : refused.field() + "：" + refused.getMessage();
    }
}

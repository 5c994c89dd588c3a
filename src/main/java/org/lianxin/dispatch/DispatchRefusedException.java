package org.lianxin.dispatch;

/** A dispatch that cannot go ahead as ordered: an unknown department, a case already dispatched. */
public class DispatchRefusedException extends RuntimeException {
    public DispatchRefusedException(String message) {
        super(message);
    }
}

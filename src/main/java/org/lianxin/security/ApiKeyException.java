package org.lianxin.security;

/** A system channel called without its API key, or with a wrong one. */
public class ApiKeyException extends RuntimeException {
    public ApiKeyException(String message) {
        super(message);
    }
}

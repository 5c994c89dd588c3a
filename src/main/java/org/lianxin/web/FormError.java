package org.lianxin.web;

/** What is wrong with a submitted form: the field (by its input name) and a message for the staff member. */
public record FormError(String field, String message) {
}

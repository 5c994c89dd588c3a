package org.lianxin.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lianxin.cases.IntakeResult;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells desk staff in their own language what is wrong with a petition they entered. The validator names the
 * field and explains in English for API clients; the page shows the field's label with a message from the bundles
 * chosen by the kind of problem (required, too long, invalid), most specific key first
 * (desk.error.invalid.phone, then desk.error.invalid), so a new validator rule still reads sensibly.
 */
@Component
public class DeskErrors {

    private static final Pattern AT_MOST = Pattern.compile("at most (\\d+)");

    private final MessageSource messages;

    public DeskErrors(MessageSource messages) {
        this.messages = messages;
    }

    public FormError describe(IntakeResult rejected, Locale locale) {
        String field = rejected.field();
        String problem = rejected.error();
        if (problem.startsWith(field + ": ")) {
            problem = problem.substring(field.length() + 2);
        }
        String kind;
        String limit = "";
        if (problem.startsWith("required") || problem.startsWith("must not be blank")) {
            kind = "required";
        } else if (problem.startsWith("too long")) {
            kind = "too-long";
            Matcher m = AT_MOST.matcher(problem);
            limit = m.find() ? m.group(1) : "";
        } else {
            kind = "invalid";
        }
        Object[] args = {label(field, locale), limit};
        String specific = messages.getMessage("desk.error." + kind + "." + field, args, null, locale);
        return new FormError(field,
                specific != null ? specific : messages.getMessage("desk.error." + kind, args, locale));
    }

    /** The form label of a field, e.g. phone -> 联系电话; the field name itself when it has none. */
    public String label(String field, Locale locale) {
        return messages.getMessage("desk.field." + field, null, field, locale);
    }
}

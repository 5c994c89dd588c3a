package org.lianxin.directory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import org.lianxin.cases.PhoneNumbers;

/**
 * A unit that handles cases (承办单位): a county department or a township government.
 *
 * @param emails       where its email slips go, and the senders recognised as this department
 * @param mobiles      where its SMS slips go, and the senders recognised as this department (normalised)
 * @param maySeePhone  whether its slips show the citizen's phone unmasked
 */
public record Department(String id, String name, Kind kind, List<String> emails, List<String> mobiles,
        boolean prefersEmail, boolean prefersSms, String contactPerson, boolean maySeePhone, boolean active) {

    /** A county department (局) or a township (乡镇, 街道); townships are the lead for matters on their ground. */
    public enum Kind {
        department, township
    }

    static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    /** Deliberately plain: the address must work with any SMTP server and be typed by an administrator. */
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    public Department {
        emails = emails == null ? List.of() : List.copyOf(emails);
        mobiles = mobiles == null ? List.of() : List.copyOf(mobiles);
    }

    /** An email address as stored and looked up: trimmed and lower-cased, so that answers match however typed. */
    public static String normaliseEmail(String address) {
        return address == null ? null : address.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * This department with its addresses normalised, or an {@link InvalidDepartmentException} naming the first
     * field at fault: every slip must be deliverable on each channel it prefers.
     */
    public Department checked() {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidDepartmentException(id, "id", "lower-case letters, digits and '-', at most 40, got '"
                    + id + "'");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidDepartmentException(id, "name", "required, at most 100 characters");
        }
        if (kind == null) {
            throw new InvalidDepartmentException(id, "kind", "department or township");
        }
        if (contactPerson != null && contactPerson.length() > 50) {
            throw new InvalidDepartmentException(id, "contact", "at most 50 characters");
        }
        List<String> cleanEmails = new ArrayList<>();
        for (String e : emails) {
            String email = normaliseEmail(e);
            if (email == null || email.length() > 200 || !EMAIL.matcher(email).matches()) {
                throw new InvalidDepartmentException(id, "emails", "'" + e + "' is not an email address");
            }
            cleanEmails.add(email);
        }
        List<String> cleanMobiles = new ArrayList<>();
        for (String m : mobiles) {
            String mobile = PhoneNumbers.normalise(m).filter(PhoneNumbers::isMobile).orElseThrow(
                    () -> new InvalidDepartmentException(id, "mobiles", "'" + m + "' is not a mobile number"));
            cleanMobiles.add(mobile);
        }
        if (!prefersEmail && !prefersSms) {
            throw new InvalidDepartmentException(id, "channels", "at least one of email and sms");
        }
        if (prefersEmail && cleanEmails.isEmpty()) {
            throw new InvalidDepartmentException(id, "emails", "at least one address: its slips go by email");
        }
        if (prefersSms && cleanMobiles.isEmpty()) {
            throw new InvalidDepartmentException(id, "mobiles", "at least one number: its slips go by SMS");
        }
        return new Department(id, name.strip(), kind, distinct(cleanEmails), distinct(cleanMobiles), prefersEmail,
                prefersSms, contactPerson == null || contactPerson.isBlank() ? null : contactPerson.strip(),
                maySeePhone, active);
    }

    public Department withActive(boolean active) {
        return new Department(id, name, kind, emails, mobiles, prefersEmail, prefersSms, contactPerson, maySeePhone,
                active);
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}

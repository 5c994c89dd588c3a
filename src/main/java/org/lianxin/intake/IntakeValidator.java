package org.lianxin.intake;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.lianxin.cases.CategoryCatalog;
import org.lianxin.cases.Channel;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.IntakeFieldNames;
import org.lianxin.cases.IntakeRecord;
import org.lianxin.cases.IntakeSubmission;
import org.lianxin.cases.InvalidIntakeException;
import org.lianxin.cases.PhoneNumbers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks one submitted record and turns it into an {@link IntakeRecord}, or throws {@link InvalidIntakeException}
 * naming the first field at fault. Text is kept exactly as given: only the phone is normalised.
 */
@Component("intakeValidator")
public class IntakeValidator {

    private static final int MAX_EXTERNAL_ID = 100;
    private static final int MAX_NAME = 100;
    private static final int MAX_PLACE = 500;
    private static final int MAX_OPERATOR = 50;
    private static final int MAX_VISITORS = 10_000;

    private final CategoryCatalog categories;
    private final Clock clock;
    private final int maxContentLength;
    private final int maxTitleLength;

    public IntakeValidator(CategoryCatalog categories, Clock clock,
            @Value("${lianxin.intake.max-content-length}") int maxContentLength,
            @Value("${lianxin.intake.max-title-length}") int maxTitleLength) {
        this.categories = categories;
        this.clock = clock;
        this.maxContentLength = maxContentLength;
        this.maxTitleLength = maxTitleLength;
    }

    public IntakeRecord validate(IntakeSubmission submission) {
        Fields f = new Fields(submission, IntakeFieldNames.of(submission.channel()));
        IntakeFieldNames n = f.names;
        String externalId = f.text(n.externalId(), MAX_EXTERNAL_ID);
        if (externalId != null && externalId.isBlank()) {
            throw new InvalidIntakeException(n.externalId(), "must not be blank");
        }
        if (externalId == null && (submission.channel() == Channel.HOTLINE || submission.channel() == Channel.PORTAL)) {
            throw new InvalidIntakeException(n.externalId(), "required");
        }
        String content = f.text(n.content(), maxContentLength);
        if (content == null || content.isBlank()) {
            throw new InvalidIntakeException(n.content(), "required");
        }
        String title = f.text(n.title(), maxTitleLength);
        String category = f.text(n.category(), MAX_NAME);
        if (category != null && category.isBlank()) {
            category = null;
        }
        if (category != null && !categories.contains(category)) {
            throw new InvalidIntakeException(n.category(), "unknown category '" + category + "'");
        }
        String phone = f.text(n.phone(), MAX_NAME);
        if (phone != null && !phone.isBlank()) {
            String given = phone;
            phone = PhoneNumbers.normalise(given).orElseThrow(
                    () -> new InvalidIntakeException(n.phone(), "not a valid phone number"));
        } else if (submission.channel() == Channel.DESK) {
            throw new InvalidIntakeException(n.phone(), "required: the answer is sent to the petitioner by SMS");
        } else {
            phone = null;
        }
        String idNumber = f.text(n.idNumber(), MAX_NAME);
        if (idNumber != null && !idNumber.isBlank()) {
            idNumber = ChineseIdNumbers.normalise(idNumber).orElseThrow(
                    () -> new InvalidIntakeException(n.idNumber(), "not a valid resident ID number"));
        } else {
            idNumber = null;
        }
        return new IntakeRecord(submission.channel(), externalId, f.time(n.receivedAt()),
                f.text(n.name(), MAX_NAME), phone, idNumber, f.text(n.address(), MAX_PLACE),
                f.count(n.visitors()), f.text(n.operatorId(), MAX_OPERATOR), category, blankToNull(title), content,
                f.text(n.location(), MAX_PLACE));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Reads the submitted fields by the channel's names, with the checks every field shares. */
    private final class Fields {
        final IntakeSubmission submission;
        final IntakeFieldNames names;

        Fields(IntakeSubmission submission, IntakeFieldNames names) {
            this.submission = submission;
            this.names = names;
        }

        Object raw(String name) {
            return name == null ? null : submission.fields().get(name);
        }

        String text(String name, int maxLength) {
            Object value = raw(name);
            if (value == null) {
                return null;
            }
            if (!(value instanceof String || value instanceof Number)) {
                throw new InvalidIntakeException(name, "must be text");
            }
            String s = value.toString();
            if (s.indexOf('\uFFFD') >= 0 || s.indexOf('\u0000') >= 0) {
                throw new InvalidIntakeException(name, "contains characters that are not valid text (wrong encoding?)");
            }
            int length = s.codePointCount(0, s.length());
            if (length > maxLength) {
                throw new InvalidIntakeException(name, "too long: " + length + " characters, at most " + maxLength);
            }
            return s;
        }

        OffsetDateTime time(String name) {
            String s = text(name, 40);
            if (s == null || s.isBlank()) {
                return OffsetDateTime.now(clock);
            }
            try {
                return OffsetDateTime.parse(s.strip());
            } catch (DateTimeParseException notOffset) {
                try {
                    // A time without an offset is the county's local time.
                    return LocalDateTime.parse(s.strip().replace(' ', 'T')).atZone(CountyTime.ZONE)
                            .toOffsetDateTime();
                } catch (DateTimeParseException e) {
                    throw new InvalidIntakeException(name, "not an ISO-8601 time: '" + s + "'");
                }
            }
        }

        Integer count(String name) {
            Object value = raw(name);
            if (value == null || value.toString().isBlank()) {
                return null;
            }
            try {
                int n = Integer.parseInt(value.toString().strip());
                if (n < 1 || n > MAX_VISITORS) {
                    throw new InvalidIntakeException(name, "must be between 1 and " + MAX_VISITORS);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new InvalidIntakeException(name, "not a whole number: '" + value + "'");
            }
        }
    }
}

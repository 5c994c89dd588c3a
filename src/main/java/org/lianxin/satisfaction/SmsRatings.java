package org.lianxin.satisfaction;

import java.util.Map;

import org.apache.camel.Header;
import org.lianxin.cases.PhoneNumbers;
import org.springframework.stereotype.Component;

/**
 * Citizens' SMS replies to the survey ("1", "2", "3" or 满意 / 基本满意 / 不满意, maybe with words after): which text is
 * a rating, whose number it is, and the rating of the intake found for that number.
 */
@Component("smsRatings")
public class SmsRatings {

    /** The rating the text gives, or null when it is no rating (the message then goes the departments' way). */
    public Rating.Reply reply(String text) {
        return Rating.fromSms(text).orElse(null);
    }

    /** The sender's number as intakes store it; a sender that is no phone number matches nothing. */
    public String phone(String from) {
        return PhoneNumbers.normalise(from).orElse("-");
    }

    /** The rating of the intake found for the sender (row: intake id and case number). */
    public RatingSubmission submission(Map<String, Object> intake, @Header("citizenRating") Rating.Reply reply,
            @Header("citizenPhone") String phone) {
        String comment = reply.comment();
        if (comment != null && comment.length() > RatingSubmission.MAX_COMMENT) {
            comment = comment.substring(0, RatingSubmission.MAX_COMMENT);
        }
        return new RatingSubmission((String) intake.get("case_no"), "sms", ((Number) intake.get("id")).longValue(),
                null, "sms", PhoneNumbers.mask(phone), reply.rating(), comment, true, RatingFields.SMS);
    }
}

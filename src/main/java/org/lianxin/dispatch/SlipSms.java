package org.lianxin.dispatch;

import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.lianxin.cases.PhoneNumbers;
import org.lianxin.gateways.SmsParts;
import org.apache.camel.Header;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The text of a slip sent by SMS: signature, slip number, role, request type, what the case is about, deadline, how
 * to sign for and answer it, and the reply link. Slips always go as UCS-2 (Chinese text; Kannel is told coding=2),
 * where one message holds 70 characters and each part of a longer, concatenated one 67. A slip longer than
 * lianxin.sms.max-segments parts is shortened, in this order, until it fits: the summary is cut (marked with …),
 * the sign-and-answer instructions give way to the link, the summary goes. The slip number, role, deadline and link
 * always stay. The citizen's name and phone are never in the text, and numbers in the summary that could be a phone
 * or an ID number are masked.
 */
@Component("slipSms")
public class SlipSms {

    /** A summary cut shorter than this says nothing; below it the summary is left out. */
    static final int MIN_SUMMARY = 8;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    /** Seven digits or more (a phone number, an ID number with its final X): masked in the summary. */

    private final String signature;
    private final int maxSegments;

    public SlipSms(@Value("${lianxin.sms.signature}") String signature,
            @Value("${lianxin.sms.max-segments}") int maxSegments) {
        if (maxSegments < 1) {
            throw new IllegalArgumentException("lianxin.sms.max-segments must be 1 or more");
        }
        this.signature = signature;
        this.maxSegments = maxSegments;
    }

    public String text(SlipDelivery slip) {
        return textFor(slip, null, null);
    }

    /**
     * The slip's text; for a reminder to sign for it (purpose sign-reminder) the same with "催签收" first; for a notice
     * its purpose's word (新的动向, 延期已批准…), the slip number and role, the notice cut to fit, and the link.
     */
    public String textFor(SlipDelivery slip, @Header("purpose") String purpose, @Header("notice") String notice) {
        int max = SmsParts.capacity(maxSegments);
        if (notice != null) {
            String head = signature + label(purpose) + " " + slip.slipNo() + " " + (slip.lead() ? "主办" : "协办") + "：";
            String link = " 详情：" + slip.replyUrl();
            String text = PhoneNumbers.maskNumbersIn(SPACE.matcher(notice.strip()).replaceAll(" "));
            int room = max - head.length() - link.length();
            return head + (room >= MIN_SUMMARY ? SmsParts.cut(text, room) : "") + link;
        }
        String head = signature + (purpose == null ? "" : label(purpose) + " ") + (slip.reopened() ? "重办 " : "")
                + slip.slipNo() + " " + (slip.lead() ? "主办" : "协办");
        String typed = head + (slip.requestType() == null ? "" : " " + slip.requestType());
        String due = "，限" + DATE.format(slip.deadline()) + "前办结。";
        String howTo = "回复“签收 " + slip.slipNo() + "”签收，或“" + slip.slipNo() + " 答复内容”答复。";
        String link = "详情：" + slip.replyUrl();
        String linkForAll = "签收、答复及全文见：" + slip.replyUrl();
        String summary = summary(slip);

        String tail = due + howTo + link;
        String shortTail = due + linkForAll;
        String full = join(typed, summary, tail);
        if (full.length() <= max) {
            return full;
        }
        if (!summary.isEmpty()) {
            for (String end : new String[] {tail, shortTail}) {
                int room = max - (typed + " " + end).length();
                if (room >= MIN_SUMMARY) {
                    return join(typed, SmsParts.cut(summary, room), end);
                }
            }
        }
        String minimal = typed + shortTail;
        if (minimal.length() <= max) {
            return minimal;
        }
        // Nothing else can go: the essentials are sent even when they take more parts than configured.
        return head + due + link;
    }

    /** The word a message about the slip starts with (催签收, 新的动向, 延期已批准…): the slip email's, by purpose. */
    static String label(String purpose) {
        return SlipMail.texts(SlipMail.LOCALE).getString("notice." + purpose);
    }

    private static String join(String head, String summary, String tail) {
        return summary.isEmpty() ? head + tail : head + " " + summary + tail;
    }

    /**
     * The title if there is one, else the content, on one line, with long numbers masked; for a reopened case (重办)
     * the reopening note (the citizen's comment) first.
     */
    static String summary(SlipDelivery slip) {
        String text = slip.title() != null && !slip.title().isBlank() ? slip.title() : slip.content();
        if (slip.reopened()) {
            text = slip.reopenNote() + (text == null ? "" : " " + text);
        }
        if (text == null) {
            return "";
        }
        return PhoneNumbers.maskNumbersIn(SPACE.matcher(text.strip()).replaceAll(" "));
    }
}

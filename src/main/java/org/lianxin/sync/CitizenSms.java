package org.lianxin.sync;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.lianxin.cases.PhoneNumbers;
import org.lianxin.cases.PublicAnswers;
import org.lianxin.gateways.SmsParts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The SMS a citizen gets: the answer (with the case number, the answer's kind and how to follow the case), and the
 * satisfaction survey after the final answer. An answer longer than lianxin.sync.sms.max-segments parts is cut
 * (marked with …); when even that leaves too little of it, the query link gives way to the query code. The case
 * number and kind always stay. Numbers in the answer that could be a phone or an ID number are masked, as
 * everywhere the public reads. The survey asks for a single digit, so that a reply of just "1" is an answer.
 */
@Component("citizenSms")
public class CitizenSms {

    /** An answer cut shorter than this says nothing: the link gives way first. */
    static final int MIN_ANSWER = 10;
    private static final Pattern SPACE = Pattern.compile("\\s+");
    /** The answer's own full stop, where the text adds its own after it. */
    private static final Pattern FINAL_STOP = Pattern.compile("[。．.！!；;，,]+$");

    private final String signature;
    private final int maxSegments;
    private final String queryUrl;

    public CitizenSms(@Value("${lianxin.sync.sms.signature}") String signature,
            @Value("${lianxin.sync.sms.max-segments}") int maxSegments,
            @Value("${lianxin.sync.sms.query-url}") String queryUrl) {
        if (maxSegments < 1) {
            throw new IllegalArgumentException("lianxin.sync.sms.max-segments must be 1 or more");
        }
        this.signature = signature;
        this.maxSegments = maxSegments;
        this.queryUrl = queryUrl == null ? "" : queryUrl.strip();
    }

    public String answer(String caseNo, String queryCode, String kind, String answer) {
        int max = SmsParts.capacity(maxSegments);
        String head = signature + "您反映的问题（编号" + caseNo + "）有" + PublicAnswers.label(kind) + "：";
        String text = FINAL_STOP.matcher(PhoneNumbers.maskNumbersIn(
                SPACE.matcher(answer == null ? "" : answer.strip()).replaceAll(" "))).replaceAll("");
        String byCode = "。查询码" + queryCode + "，可在网站或拨打热线查询。";
        String[] tails = queryUrl.isEmpty() ? new String[] {byCode} : new String[] {"。详情：" + link(caseNo, queryCode), byCode};
        for (String tail : tails) {
            int room = max - head.length() - tail.length();
            if (text.length() <= room || room >= MIN_ANSWER) {
                return head + SmsParts.cut(text, Math.max(room, 1)) + tail;
            }
        }
        // The essentials go even when they take more parts than configured.
        return head + SmsParts.cut(text, MIN_ANSWER) + byCode;
    }

    public String survey(String caseNo) {
        return signature + "您反映的问题（编号" + caseNo + "）已办结答复。请评价办理结果，回复 1 满意 2 基本满意 3 不满意"
                + "（只需回复数字）。";
    }

    private String link(String caseNo, String queryCode) {
        return queryUrl + (queryUrl.contains("?") ? "&" : "?") + "caseNo=" + encode(caseNo) + "&queryCode="
                + encode(queryCode);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

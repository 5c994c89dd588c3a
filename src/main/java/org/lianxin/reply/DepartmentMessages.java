package org.lianxin.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Reads departments' emails and SMS: finds the slip number (in an email's subject, which a reply keeps, or else its
 * text), the kind word (签收, 进展, 办结, 说明, 退单, 延期) and the text, leaving out what mail clients add — the
 * quoted original, "写道：" lines, signatures and "sent from my phone" footers.
 */
@Component("departmentMessages")
public class DepartmentMessages {

    /** A slip number: the case number (year + sequence) and the slip's position, e.g. 2026000123-1. */
    static final Pattern SLIP_NO = Pattern.compile("(?<![\\d-])(\\d{10,12}-\\d{1,3})(?![\\d-])");
    private static final Pattern KIND_WORD = Pattern.compile("^[\\s【\\[（(]*(签收|进展|办结|说明|退单|延期)[】\\]）)]?[\\s:：，,。.、]*");
    /** Where the quoted original begins in the replies of common Chinese and international mail clients. */
    private static final List<Pattern> QUOTE_STARTS = List.of(
            Pattern.compile("^-{2,}\\s*(Original Message|原始邮件|原始郵件|Forwarded message|转发邮件)\\s*-{2,}.*$",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^-{5,}\\s*原始邮件\\s*-{5,}$"),
            Pattern.compile("^(在|于).{0,80}(写道|寫道)[:：]\\s*$"),
            Pattern.compile("^On .{0,200} wrote:\\s*$"),
            Pattern.compile("^(发件人|From)\\s*[:：].*$"),
            Pattern.compile("^>.*$"));
    /** Where a signature or a client's footer begins. */
    private static final List<Pattern> SIGNATURE_STARTS = List.of(
            Pattern.compile("^--\\s*$"),
            // "发自我的iPhone", "Sent from my phone" — but not an answer that begins "来自群众的反映…".
            Pattern.compile("^(发自|来自|Sent from)\\s*(我的|my)\\s*[\\w ]{1,30}$",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS),
            Pattern.compile("^_{5,}$"));

    public Optional<DepartmentMessage> fromEmail(String subject, String body) {
        String text = withoutQuotesAndSignature(body == null ? "" : body);
        Optional<String> slipNo = find(subject).or(() -> find(text));
        return slipNo.map(no -> read(no, text));
    }

    /** A mail's message; a mail that names no kind is a final answer (办结), as departments answer by reply. */
    public Optional<DepartmentMessage> fromMail(IncomingMail mail) {
        return fromEmail(mail.subject(), mail.text()).map(m -> m.kind().isPresent() ? m
                : new DepartmentMessage(m.slipNo(), Optional.of(AnswerKind.FINAL), m.text()));
    }

    public Optional<DepartmentMessage> fromIncomingSms(IncomingSms sms) {
        return fromSms(sms.text());
    }

    public Optional<DepartmentMessage> fromSms(String body) {
        String text = body == null ? "" : body.strip();
        return find(text).map(no -> read(no, text));
    }

    /** The kind word and the text around the slip number, whichever of the two comes first. */
    private static DepartmentMessage read(String slipNo, String text) {
        String rest = text.strip();
        if (rest.startsWith(slipNo)) {
            rest = rest.substring(slipNo.length());
        }
        Optional<AnswerKind> kind = Optional.empty();
        Matcher word = KIND_WORD.matcher(rest);
        if (word.find()) {
            kind = AnswerKind.ofWord(word.group(1));
            rest = rest.substring(word.end());
        }
        rest = rest.strip();
        if (rest.startsWith(slipNo)) {
            rest = rest.substring(slipNo.length()).replaceFirst("^[\\s:：，,]+", "");
        }
        return new DepartmentMessage(slipNo, kind, rest.strip());
    }

    private static Optional<String> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SLIP_NO.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String withoutQuotesAndSignature(String body) {
        List<String> kept = new ArrayList<>();
        for (String line : body.replace("\r\n", "\n").split("\n", -1)) {
            String trimmed = line.strip();
            if (QUOTE_STARTS.stream().anyMatch(p -> p.matcher(trimmed).matches())
                    || SIGNATURE_STARTS.stream().anyMatch(p -> p.matcher(trimmed).matches())) {
                break;
            }
            kept.add(line);
        }
        return String.join("\n", kept).strip();
    }
}

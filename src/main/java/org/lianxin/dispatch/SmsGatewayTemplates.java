package org.lianxin.dispatch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Fills the request templates of the SMS connectors (connectors/sms-*-sink.kamelet.yaml). Camel's HTTP component
 * sends a query or a body exactly as given, so every value put into one must be encoded for where it goes: a query
 * string or form (URL encoding, UTF-8), a JSON string, XML text. A template names its values as {name}; each is the
 * exchange variable of that name, encoded, and a {name} with no such variable stays as it is.
 */
@Component("smsGatewayTemplates")
public class SmsGatewayTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    /** For a query string or an application/x-www-form-urlencoded body. */
    public String formEncoded(@Body String template, Exchange exchange) {
        return fill(template, exchange, SmsGatewayTemplates::urlEncode);
    }

    /** For a body of the given content type: JSON, XML, a form, or anything else as is. */
    public String forContentType(@Body String template, @Header("Content-Type") String contentType,
            Exchange exchange) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        UnaryOperator<String> encoding;
        if (type.contains("json")) {
            encoding = v -> new String(JsonStringEncoder.getInstance().quoteAsString(v));
        } else if (type.contains("xml")) {
            encoding = SmsGatewayTemplates::xmlEscape;
        } else if (type.contains("x-www-form-urlencoded")) {
            encoding = SmsGatewayTemplates::urlEncode;
        } else {
            encoding = UnaryOperator.identity();
        }
        return fill(template, exchange, encoding);
    }

    static String fill(String template, Exchange exchange, UnaryOperator<String> encoding) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            Object value = exchange.getVariable(m.group(1));
            String replacement = value == null ? m.group() : encoding.apply(value.toString());
            m.appendReplacement(filled, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(filled);
        return filled.toString();
    }

    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String xmlEscape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}

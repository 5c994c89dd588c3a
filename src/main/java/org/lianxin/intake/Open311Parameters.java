package org.lianxin.intake;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.lianxin.cases.InvalidIntakeException;

/**
 * The named parameters of an Open311 call (query string and form body), as the servlet container decoded them
 * (see {@link Open311FormFilter}). Read from the request itself rather than from the exchange headers, where an HTTP
 * header of the same name would mix in. Text XML cannot carry is refused here, so that what is stored can always
 * be given back exactly in both formats.
 */
final class Open311Parameters {

    private Open311Parameters() {
    }

    /** The given parameters that were sent, each once; a parameter sent twice is ambiguous and refused. */
    static Map<String, String> read(Exchange exchange, String... names) {
        PlatformHttpMessage message = exchange.getMessage(PlatformHttpMessage.class);
        if (message == null) {
            throw new IllegalStateException("Open311 route served without platform-http");
        }
        Map<String, String[]> sent = message.getRequest().getParameterMap();
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names) {
            String[] given = sent.get(name);
            if (given == null || given.length == 0) {
                continue;
            }
            if (given.length > 1) {
                throw new InvalidIntakeException(name, "given " + given.length + " times, send it once");
            }
            values.put(name, checked(name, given[0]));
        }
        return values;
    }

    private static String checked(String name, String value) {
        if (value.indexOf('\uFFFD') >= 0) {
            throw new InvalidIntakeException(name, "not valid UTF-8 text (wrong encoding?)");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF') {
                throw new InvalidIntakeException(name, "contains a control character (U+"
                        + String.format("%04X", (int) c) + ")");
            }
        }
        return value;
    }
}

package org.lianxin.gateways;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Takes the form off SMS gateways' POSTs (Twilio's status callbacks at /api/sms/dlr/twilio, every inbound SMS
 * webhook under /api/sms/inbound/) before Camel sees the request, and keeps it as sent in a request attribute:
 * Twilio signs the form exactly as sent. Left to it, platform-http would decode the form itself, only in part, and
 * answer a malformed one with a bare 500. Shared ground because the delivery reports (dispatch) and departments'
 * SMS (reply) both take gateways' forms.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class GatewayForms extends OncePerRequestFilter {

    static final String TWILIO_REPORTS = "/api/sms/dlr/twilio";
    static final String INBOUND = "/api/sms/inbound/";
    static final String RAW_FORM = GatewayForms.class.getName() + ".form";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !(path.equals(TWILIO_REPORTS) || path.startsWith(INBOUND));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // a form is ASCII (its other bytes %-escaped); stray bytes stay what they were and spoil the signature
        request.setAttribute(RAW_FORM, new String(request.getInputStream().readAllBytes(),
                StandardCharsets.ISO_8859_1));
        chain.doFilter(new FormTaken(request), response);
    }

    /** The form fields of a request this filter took, decoded as UTF-8, the first of each name; else empty. */
    public static Map<String, String> form(HttpServletRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        if (request.getAttribute(RAW_FORM) instanceof String body) {
            for (NameValuePair field : WWWFormCodec.parse(body, StandardCharsets.UTF_8)) {
                form.putIfAbsent(field.getName(), field.getValue() == null ? "" : field.getValue());
            }
        }
        return form;
    }

    /** The HTTP request of an exchange that platform-http serves. */
    public static HttpServletRequest request(Exchange exchange) {
        PlatformHttpMessage message = exchange.getMessage(PlatformHttpMessage.class);
        if (message == null) {
            throw new IllegalStateException("gateway webhook served without platform-http");
        }
        return message.getRequest();
    }

    /** The request with its body already read: nothing left for Camel to parse. */
    private static final class FormTaken extends HttpServletRequestWrapper {

        FormTaken(HttpServletRequest request) {
            super(request);
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new StringReader(""));
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream empty = new ByteArrayInputStream(new byte[0]);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return true;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("read synchronously");
                }

                @Override
                public int read() {
                    return empty.read();
                }
            };
        }
    }
}

package org.lianxin.dispatch;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

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
 * Takes the form off Twilio's status callbacks (POST /api/sms/dlr/twilio) before Camel sees the request, and keeps it
 * as sent in a request attribute for {@link SmsReports}: Twilio signs the form exactly as sent. Left to it,
 * platform-http would decode the form itself, only in part, and answer a malformed one with a bare 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class TwilioReportFilter extends OncePerRequestFilter {

    static final String PATH = "/api/sms/dlr/twilio";
    static final String RAW_FORM = TwilioReportFilter.class.getName() + ".form";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // a form is ASCII (its other bytes %-escaped); stray bytes stay what they were and spoil the signature
        request.setAttribute(RAW_FORM, new String(request.getInputStream().readAllBytes(),
                StandardCharsets.ISO_8859_1));
        chain.doFilter(new FormTaken(request), response);
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

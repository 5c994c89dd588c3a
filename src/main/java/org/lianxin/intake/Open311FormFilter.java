package org.lianxin.intake;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Decodes an Open311 call's parameters (query string and form body, always as UTF-8) before Camel sees the
 * request, and hands the routes the request with those parameters and the body already consumed. Left to it,
 * platform-http parses a form body itself and fails with a bare 500 on a malformed one (a bad %-escape, a field
 * without '='); and a body the size limit filter had to buffer (sent chunked) would not reach the container's
 * own parameter parsing at all. A form that cannot be read is answered with a 400 in the client's format.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class Open311FormFilter extends OncePerRequestFilter {

    private static final FormHttpMessageConverter FORMS = new FormHttpMessageConverter();

    private final Open311Format format;

    public Open311FormFilter(Open311Format format) {
        this.format = format;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/open311/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean formBody = "POST".equals(request.getMethod()) && isForm(request.getContentType());
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        String part = "query";
        try {
            String query = request.getQueryString();
            if (query != null) {
                // The container keeps the raw query as Latin-1 characters: back to its bytes, then read as UTF-8.
                parameters.addAll(decode(query.getBytes(StandardCharsets.ISO_8859_1)));
            }
            if (formBody) {
                part = "body";
                parameters.addAll(decode(request.getInputStream().readAllBytes()));
            }
        } catch (HttpMessageNotReadableException e) {
            Open311Format.Rendered error = format.error(format.orJson(request.getRequestURI()), 400,
                    part + ": not a valid form (" + e.getMostSpecificCause().getMessage() + ")");
            response.setStatus(error.status());
            response.setContentType(error.contentType());
            response.getWriter().write(error.body());
            return;
        }
        chain.doFilter(new Decoded(request, parameters, formBody), response);
    }

    private static boolean isForm(String contentType) {
        try {
            return contentType != null
                    && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** GeoReport v2: everything the client sends is UTF-8, whatever charset it declares. */
    private static MultiValueMap<String, String> decode(byte[] form) throws IOException {
        return FORMS.read(null, new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(form);
            }

            @Override
            public HttpHeaders getHeaders() {
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(new MediaType(MediaType.APPLICATION_FORM_URLENCODED, StandardCharsets.UTF_8));
                return headers;
            }
        });
    }

    /** The request with its parameters decoded here and, for a form, its body already read. */
    private static final class Decoded extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters = new LinkedHashMap<>();
        private final boolean bodyRead;

        Decoded(HttpServletRequest request, MultiValueMap<String, String> decoded, boolean bodyRead) {
            super(request);
            this.bodyRead = bodyRead;
            decoded.forEach((name, values) -> parameters.put(name, values(values)));
        }

        /** A field sent without '=' has the empty value, as in the container's own parsing. */
        private static String[] values(List<String> values) {
            return values.stream().map(v -> v == null ? "" : v).toArray(String[]::new);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }

        /**
         * Once its form was read here, the body has no text left for Camel, which asks for a reader: the container
         * would refuse one (its stream was taken) and Camel would answer that with a bare 500.
         */
        @Override
        public BufferedReader getReader() throws IOException {
            return bodyRead ? new BufferedReader(new StringReader("")) : super.getReader();
        }
    }
}

package org.lianxin.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
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
 * Refuses request bodies over lianxin.http.max-body-bytes on the machine APIs with a 400 that names the body,
 * before anything reads them; a labelled archive for triage (/api/triage/history) may be up to
 * lianxin.http.max-archive-bytes. A body sent without Content-Length (chunked) is read up to the limit here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    static final String ARCHIVE_PATH = "/api/triage/history";

    private final long maxBodyBytes;
    private final long maxArchiveBytes;

    public RequestSizeLimitFilter(@Value("${lianxin.http.max-body-bytes}") long maxBodyBytes,
            @Value("${lianxin.http.max-archive-bytes}") long maxArchiveBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxArchiveBytes = maxArchiveBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.startsWith("/open311/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = limit(request);
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(request, response, declared + " bytes", maxBytes);
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        // without a declared length only the APIs' usual limit is buffered, before anyone has signed in
        maxBytes = Math.min(maxBytes, maxBodyBytes);
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            refuse(request, response, "more than " + maxBytes + " bytes", maxBytes);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private long limit(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(ARCHIVE_PATH) ? maxArchiveBytes : maxBodyBytes;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String size, long maxBytes)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String message = "body: too large (" + size + "), at most " + maxBytes + " bytes";
        if (request.getRequestURI().contains("/open311/") && request.getRequestURI().endsWith(".xml")) {
            response.setContentType("text/xml;charset=UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>400</code>"
                    + "<description>" + message + "</description></error></errors>");
        } else if (request.getRequestURI().contains("/open311/")) {
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("[{\"code\":400,\"description\":\"" + message + "\"}]");
        } else {
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"error\":\"" + message + "\",\"field\":\"body\"}");
        }
    }

    /** The request with its body already read into memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            // Strict like the container's own reader: bytes that are not valid in the charset fail the read.
            return new BufferedReader(new InputStreamReader(getInputStream(), charset.newDecoder()));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}

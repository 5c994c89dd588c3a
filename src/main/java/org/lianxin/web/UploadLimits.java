package org.lianxin.web;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.lianxin.attachments.AttachmentLimits;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.servlet.MultipartConfigElement;

/**
 * The servlet's upload limits, derived from lianxin.attachments.* so that they agree with what is kept: an upload
 * may be as large as a message's files plus the form's text; within that, the reply page checks each file itself and
 * names the one at fault. Beyond it the upload is refused unread, and Tomcat still reads (and discards) an upload up
 * to twice that size, so that the clerk gets the page's error rather than a broken connection. The machine APIs' own limit
 * (lianxin.http.max-body-bytes, RequestSizeLimitFilter) does not apply to pages.
 */
@Configuration(proxyBeanMethods = false)
public class UploadLimits {

    /** Room for the form's other fields (the answer's text is at most 20,000 characters) and the parts' headers. */
    static final long FORM_FIELDS_BYTES = 1024 * 1024;
    /** The form's fields besides the files (kind, text, the CSRF token) and a margin. */
    static final int OTHER_PARTS = 8;

    static long maxUploadBytes(AttachmentLimits limits) {
        return limits.maxMessageBytes() + FORM_FIELDS_BYTES;
    }

    @Bean
    MultipartConfigElement multipartConfigElement(AttachmentLimits limits) {
        long max = maxUploadBytes(limits);
        return new MultipartConfigElement(null, max, max, 0);
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> uploadLimitsOnTomcat(AttachmentLimits limits) {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setMaxPartCount(Math.max(connector.getMaxPartCount(), limits.maxFiles() + OTHER_PARTS));
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setMaxSwallowSize(Math.max(http.getMaxSwallowSize(),
                        (int) Math.min(Integer.MAX_VALUE, 2 * maxUploadBytes(limits))));
            }
        });
    }
}

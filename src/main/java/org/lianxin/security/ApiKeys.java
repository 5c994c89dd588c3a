package org.lianxin.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The API keys of the system channels (the call center, the web portal). A channel whose key is not configured
 * accepts nobody: an open intake is never the default.
 */
@Component("apiKeys")
public class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final String hotlineKey;
    private final String portalKey;

    public ApiKeys(@Value("${lianxin.channels.hotline.api-key}") String hotlineKey,
            @Value("${lianxin.channels.portal.api-key}") String portalKey) {
        this.hotlineKey = hotlineKey;
        this.portalKey = portalKey;
        if (hotlineKey.isBlank()) {
            log.warn("lianxin.channels.hotline.api-key is not set: the hotline API refuses every call");
        }
        if (portalKey.isBlank()) {
            log.warn("lianxin.channels.portal.api-key is not set: Open311 refuses every new request");
        }
    }

    public void requireHotline(@Header("X-Api-Key") String presented) {
        require("X-Api-Key", hotlineKey, presented);
    }

    public void requirePortal(String presented) {
        require("api_key", portalKey, presented);
    }

    private static void require(String name, String expected, String presented) {
        if (presented == null || presented.isEmpty()) {
            throw new ApiKeyException(name + ": missing API key");
        }
        // Constant-time comparison: the time taken says nothing about how much of the key was right.
        if (expected.isBlank() || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiKeyException(name + ": wrong API key");
        }
    }
}

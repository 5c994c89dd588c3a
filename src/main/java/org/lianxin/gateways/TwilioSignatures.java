package org.lianxin.gateways;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Twilio's request signatures (X-Twilio-Signature), checked on its status callbacks (dispatch) and on departments'
 * SMS it forwards (reply): Base64 of HMAC-SHA1, keyed with the auth token, over the URL and the sorted form fields.
 */
public final class TwilioSignatures {

    public static final String HEADER = "X-Twilio-Signature";

    private TwilioSignatures() {
    }

    public static String sign(String authToken, String url, Map<String, String> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a request to the webhook at this URL (its query added) was signed with this auth token. */
    public static boolean signed(String authToken, String webhookUrl, HttpServletRequest request,
            Map<String, String> form) {
        String query = request.getQueryString();
        return signed(authToken, webhookUrl + (query == null ? "" : "?" + query), form, request.getHeader(HEADER));
    }

    /** Whether the request was signed with this (non-empty) auth token; an empty token trusts nobody. */
    public static boolean signed(String authToken, String url, Map<String, String> form, String signature) {
        return authToken != null && !authToken.isEmpty() && signature != null && MessageDigest.isEqual(
                sign(authToken, url, form).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}

package org.lianxin.dispatch;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.lianxin.cases.HubSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The reference an SMS gateway is given for one delivery, and the secret that goes with it into the callback URL.
 * The reference is the delivery's key (slip number, channel, address) in URL-safe Base64, so it is safe in URLs,
 * form fields, JSON and file names alike, and a report finds its row without a lookup table. The secret is an
 * HMAC of the reference under lianxin.sms.callback-secret, or under a key the hub makes once and shares through the
 * database: a report is believed only with the secret of its own reference, so a leaked callback URL speaks for
 * one delivery at most.
 */
@Component("smsRefs")
public class SmsRefs {

    static final String SECRET_NAME = "sms-callback";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final HubSecrets secrets;
    private final String configuredKey;

    public SmsRefs(HubSecrets secrets, @Value("${lianxin.sms.callback-secret}") String configuredKey) {
        this.secrets = secrets;
        this.configuredKey = configuredKey;
    }

    public String ref(String slipNo, String channel, String address) {
        return B64.encodeToString((slipNo + "|" + channel + "|" + address).getBytes(StandardCharsets.UTF_8));
    }

    /** Headers slipNo, channel and address of the delivery a reference names. */
    public Map<String, Object> delivery(String ref) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(ref), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException notBase64) {
            parts = new String[0];
        }
        if (parts.length != 3) {
            throw SmsReportRejected.unknown(ref);
        }
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("slipNo", parts[0]);
        key.put("channel", parts[1]);
        key.put("address", parts[2]);
        return key;
    }

    public String secret(String ref) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return B64.encodeToString(mac.doFinal((SECRET_NAME + "|" + ref).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean genuine(String ref, String secret) {
        return ref != null && secret != null && MessageDigest.isEqual(
                secret(ref).getBytes(StandardCharsets.US_ASCII), secret.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] key() {
        return configuredKey == null || configuredKey.isEmpty() ? secrets.secret(SECRET_NAME)
                : configuredKey.getBytes(StandardCharsets.UTF_8);
    }
}

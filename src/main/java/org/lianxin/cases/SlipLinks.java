package org.lianxin.cases;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The signed link on a slip, by which a department answers without a login: the token names one slip and one
 * department, carries its expiry, and is signed with HMAC-SHA256 under a key all nodes share. Tampering with any
 * part, or using it after it expired, makes it worthless.
 */
@Component
public class SlipLinks {

    static final String SECRET_NAME = "slip-link";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final HubSecrets secrets;
    private final Clock clock;
    private final String publicUrl;

    public SlipLinks(HubSecrets secrets, Clock clock, @Value("${lianxin.public-url}") String publicUrl) {
        this.secrets = secrets;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public record Claim(String slipNo, String departmentId, Instant expiresAt) {
    }

    public String token(String slipNo, String departmentId, Instant expiresAt) {
        String payload = slipNo + "|" + departmentId + "|" + expiresAt.getEpochSecond();
        String encoded = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + B64.encodeToString(sign(encoded));
    }

    public String url(String slipNo, String departmentId, Instant expiresAt) {
        return publicUrl + "/reply/" + token(slipNo, departmentId, expiresAt);
    }

    /** The slip and department a token stands for, if it is genuine and not expired. */
    public Optional<Claim> verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String encoded = token.substring(0, dot);
        byte[] signature;
        String[] parts;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|");
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(sign(encoded), signature) || parts.length != 3) {
            return Optional.empty();
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        if (!clock.instant().isBefore(expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(new Claim(parts[0], parts[1], expiresAt));
    }

    private byte[] sign(String encoded) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.secret(SECRET_NAME), "HmacSHA256"));
            return mac.doFinal(encoded.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

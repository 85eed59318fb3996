package io.chainhub.localstack.demo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiver's side of Standard Webhooks, written independently of notification-service's signer so the
 * demo checks the contract rather than the implementation: {@code v1,} + base64 HMAC-SHA256 of
 * {@code id.timestamp.body} keyed with the base64 part of {@code whsec_...}; the header may carry several
 * space-separated signatures (secret rotation) and one match is enough.
 */
final class StandardWebhookSignature {

    private static final String PREFIX = "whsec_";

    private StandardWebhookSignature() {
    }

    static boolean verify(String secret, String id, String timestamp, String body, String signatureHeader) {
        if (secret == null || id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        byte[] expected = sign(secret, id, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : signatureHeader.trim().split(" +")) {
            if (candidate.startsWith("v1,")
                    && MessageDigest.isEqual(expected, candidate.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    static String sign(String secret, String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            String key = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

package io.chainhub.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: {@code v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>}, the key
 * being the base64 part of a {@code whsec_...} secret. Written here rather than taken from
 * {@code com.standardwebhooks:standardwebhooks} because signing is twenty lines and the library is not in
 * the project's dependency set; the spec's published test vector guards it (WebhookSignatureTest).
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Found once: looking the algorithm up among all providers on every signature was a fifth of a send's CPU. */
    private static final Provider HMAC_PROVIDER = hmacProvider();

    private WebhookSignature() {
    }

    /** A new secret: {@code whsec_} + 32 random bytes in base64 (the Standard Webhooks shape). */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** One {@code v1,...} signature. */
    public static String sign(String secret, String webhookId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256", HMAC_PROVIDER);
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal((webhookId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** The {@code webhook-signature} header: one signature per secret, space separated (rotation). */
    public static String header(List<String> secrets, String webhookId, long timestampSeconds, String body) {
        return secrets.stream().map(s -> sign(s, webhookId, timestampSeconds, body)).collect(Collectors.joining(" "));
    }

    private static Provider hmacProvider() {
        try {
            return Mac.getInstance("HmacSHA256").getProvider();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static byte[] key(String secret) {
        String base64 = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(base64);
    }
}

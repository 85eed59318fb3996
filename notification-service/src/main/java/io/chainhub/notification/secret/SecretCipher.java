package io.chainhub.notification.secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.encrypt.AesGcmBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;

/**
 * Encrypts webhook signing secrets for the database: AES-256-GCM (Spring Security's {@link AesGcmBytesEncryptor}
 * with the configured key as is, a random 16-byte IV per value, a 128-bit tag), authenticated so that a
 * tampered or wrongly keyed value fails instead of signing with garbage. Stored as
 * {@code enc:v1:<base64(iv | ciphertext | tag)>}; the prefix marks the format so that a later key or
 * algorithm change can tell old values apart.
 */
public final class SecretCipher {

    static final String PREFIX = "enc:v1:";
    static final int KEY_BYTES = 32;

    private final BytesEncryptor encryptor;

    /** @param key exactly 32 bytes (AES-256) */
    public SecretCipher(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the secret key must be " + KEY_BYTES + " bytes, not "
                    + (key == null ? "absent" : key.length + " bytes"));
        }
        this.encryptor = AesGcmBytesEncryptor.withSecretKey(new SecretKeySpec(key, "AES")).build();
    }

    /** The stored form of a secret; null stays null. */
    public String encrypt(String secret) {
        if (secret == null) {
            return null;
        }
        return PREFIX + Base64.getEncoder().encodeToString(encryptor.encrypt(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The secret of a stored value. A value without the prefix was written before encryption existed and
     * is returned as it is (migration V3 encrypts all of those at startup, so none remain afterwards).
     *
     * @throws IllegalStateException when the value was encrypted with another key or altered
     */
    public String decrypt(String stored) {
        if (stored == null || !isEncrypted(stored)) {
            return stored;
        }
        try {
            byte[] clear = encryptor.decrypt(Base64.getDecoder().decode(stored.substring(PREFIX.length())));
            return new String(clear, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw new IllegalStateException("a stored webhook secret cannot be decrypted: wrong "
                    + "chainhub.notification.secret-key or altered value", e);
        }
    }

    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }
}

package io.chainhub.notification.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import io.chainhub.notification.webhook.WebhookSignature;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SecretCipherTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private final SecretCipher cipher = new SecretCipher(KEY);

    @Test
    void shouldRestoreSecretWhenDecryptingWhatItEncrypted() {
        String secret = WebhookSignature.newSecret();

        String stored = cipher.encrypt(secret);

        assertThat(stored).startsWith("enc:v1:").doesNotContain(secret.substring("whsec_".length()));
        assertThat(stored.length()).isLessThanOrEqualTo(300);
        assertThat(cipher.decrypt(stored)).isEqualTo(secret);
    }

    @Test
    void shouldUseFreshIvWhenSameSecretEncryptedTwice() {
        String secret = WebhookSignature.newSecret();

        assertThat(cipher.encrypt(secret)).isNotEqualTo(cipher.encrypt(secret));
    }

    @Test
    void shouldRefuseValueWhenKeyIsAnother() {
        String stored = cipher.encrypt(WebhookSignature.newSecret());
        SecretCipher other = new SecretCipher("fedcba9876543210fedcba9876543210".getBytes());

        assertThatThrownBy(() -> other.decrypt(stored)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chainhub.notification.secret-key");
    }

    @Test
    void shouldRefuseValueWhenTampered() {
        byte[] raw = Base64.getDecoder().decode(cipher.encrypt(WebhookSignature.newSecret()).substring(7));
        raw[raw.length / 2] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt("enc:v1:" + Base64.getEncoder().encodeToString(raw)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldPassClearValueAndNullThroughWhenNotEncrypted() {
        assertThat(cipher.decrypt("whsec_abc")).isEqualTo("whsec_abc");
        assertThat(cipher.decrypt(null)).isNull();
        assertThat(cipher.encrypt(null)).isNull();
    }

    @Test
    void shouldFailStartWhenKeyMissingOutsideDevelopment() {
        assertThatThrownBy(() -> SecretKeyConfiguration.key(new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chainhub.notification.secret-key").hasMessageContaining("CHAINHUB_NOTIFICATION_SECRETKEY");
    }

    @Test
    void shouldFailStartWhenKeyIsNotThirtyTwoBytes() {
        MockEnvironment shortKey = new MockEnvironment().withProperty(SecretKeyConfiguration.PROPERTY,
                Base64.getEncoder().encodeToString(new byte[16]));
        MockEnvironment notBase64 = new MockEnvironment().withProperty(SecretKeyConfiguration.PROPERTY, "not base64!");

        assertThatThrownBy(() -> SecretKeyConfiguration.key(shortKey)).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretKeyConfiguration.key(notBase64)).hasMessageContaining("not valid base64");
    }

    @Test
    void shouldUseDevelopmentKeyWhenLocalStackRunsWithoutKey() {
        MockEnvironment localStack = new MockEnvironment().withProperty("chainhub.profile", "local");
        MockEnvironment devProfile = new MockEnvironment();
        devProfile.setActiveProfiles("dev");

        assertThat(SecretKeyConfiguration.key(localStack)).hasSize(32);
        assertThat(SecretKeyConfiguration.key(devProfile)).hasSize(32);
    }

    @Test
    void shouldUseConfiguredKeyWhenSet() {
        MockEnvironment configured = new MockEnvironment().withProperty(SecretKeyConfiguration.PROPERTY,
                Base64.getEncoder().encodeToString(KEY));

        assertThat(SecretKeyConfiguration.key(configured)).isEqualTo(KEY);
    }
}

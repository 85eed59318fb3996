package io.chainhub.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // The test vector of the Standard Webhooks specification (and of Svix's libraries)
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void shouldMatchSpecVectorWhenSigning() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void shouldSendOneSignaturePerSecretWhenRotating() {
        String other = WebhookSignature.newSecret();

        String header = WebhookSignature.header(List.of(other, SECRET), ID, TIMESTAMP, BODY);

        assertThat(header.split(" ")).containsExactly(WebhookSignature.sign(other, ID, TIMESTAMP, BODY),
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void shouldGenerateWhsecSecretsOf32BytesWhenCreating() {
        String secret = WebhookSignature.newSecret();

        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }
}

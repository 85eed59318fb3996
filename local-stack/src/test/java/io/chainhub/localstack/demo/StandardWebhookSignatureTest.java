package io.chainhub.localstack.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StandardWebhookSignatureTest {

    // The Standard Webhooks specification's published test vector.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void shouldVerifySpecificationVector() {
        assertThat(StandardWebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, SIGNATURE)).isTrue();
    }

    @Test
    void shouldVerifyWhenOneOfSeveralSignaturesMatchesDuringRotation() {
        assertThat(StandardWebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY,
                "v1,bm90IHRoZSByaWdodCBvbmU= " + SIGNATURE)).isTrue();
    }

    @Test
    void shouldRefuseWhenBodyOrTimestampWasChanged() {
        assertThat(StandardWebhookSignature.verify(SECRET, ID, TIMESTAMP, "{\"test\": 2432232315}", SIGNATURE)).isFalse();
        assertThat(StandardWebhookSignature.verify(SECRET, ID, "1614265331", BODY, SIGNATURE)).isFalse();
        assertThat(StandardWebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, null)).isFalse();
    }
}

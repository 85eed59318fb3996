package io.chainhub.localstack.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's receiver over real HTTP: counts a delivery only when its signature verifies, once per webhook-id. */
class DemoWebhookReceiverTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String BODY = """
            {"type":"fraud.alert","timestamp":"2026-11-22T00:00:00Z","data":{"action":"RAISED","ruleId":"watchlist"}}""";

    private final DemoWebhookReceiver receiver = new DemoWebhookReceiver();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        receiver.close();
        http.close();
    }

    @Test
    void shouldCountSignedDeliveryOnceWhenRetriedWithSameWebhookId() throws Exception {
        receiver.trust("fraud", SECRET);
        String now = Long.toString(Instant.now().getEpochSecond());
        String signature = "v1," + StandardWebhookSignature.sign(SECRET, "msg_1", now, BODY);

        int first = post("fraud", "msg_1", now, signature);
        int retry = post("fraud", "msg_1", now, signature);

        assertThat(first).isEqualTo(204);
        assertThat(retry).isEqualTo(204);
        assertThat(receiver.verified("fraud")).singleElement()
                .satisfies(d -> assertThat(d.type()).isEqualTo("fraud.alert"));
    }

    @Test
    void shouldRejectWith401WhenSignatureDoesNotVerify() throws Exception {
        receiver.trust("fraud", SECRET);
        String now = Long.toString(Instant.now().getEpochSecond());

        int status = post("fraud", "msg_2", now, "v1," + StandardWebhookSignature.sign(SECRET, "msg_2", now, BODY + " "));

        assertThat(status).isEqualTo(401);
        assertThat(receiver.verified("fraud")).isEmpty();
        assertThat(receiver.rejected()).isEqualTo(1);
    }

    @Test
    void shouldRejectStaleTimestampEvenWhenSigned() throws Exception {
        receiver.trust("fraud", SECRET);
        String hourAgo = Long.toString(Instant.now().getEpochSecond() - 3600);

        int status = post("fraud", "msg_3", hourAgo, "v1," + StandardWebhookSignature.sign(SECRET, "msg_3", hourAgo, BODY));

        assertThat(status).isEqualTo(401);
        assertThat(receiver.verified("fraud")).isEmpty();
    }

    @Test
    void shouldAskForRetryWhenSecretIsNotKnownYet() throws Exception {
        String now = Long.toString(Instant.now().getEpochSecond());

        int status = post("custody", "msg_4", now, "v1," + StandardWebhookSignature.sign(SECRET, "msg_4", now, BODY));

        assertThat(status).isEqualTo(503);
        assertThat(receiver.verified("custody")).isEmpty();
    }

    private int post(String hook, String id, String timestamp, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url(hook)))
                .header("webhook-id", id).header("webhook-timestamp", timestamp).header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

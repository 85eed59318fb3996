package io.chainhub.notification.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A receiver's check, written from the Standard Webhooks spec independently of the service's signer. */
public final class Signatures {

    private Signatures() {
    }

    public static boolean verifies(String secret, WebhookReceiver.Received received) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String signed = received.webhookId() + "." + received.timestamp() + "." + received.body();
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
            return Arrays.asList(received.signature().split(" ")).contains(expected);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

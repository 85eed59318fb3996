package io.chainhub.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.chainhub.events.fraud.AlertSeverity;
import io.chainhub.localstack.mail.MailMessage;
import io.chainhub.notification.support.Api;
import io.chainhub.notification.support.Events;
import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.TestInfrastructure;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Emails through a real SMTP server: content, throttle + digest, urgent alerts bypassing the digest. */
@ChainHubIntegrationTest
class EmailIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void shouldEmailTransferWithTextAndHtmlWhenMatched() {
        String inbox = "tx-" + System.nanoTime() + "@example.com";
        String to = Events.randomAddress();
        api.createSubscription(Map.of("name", "treasury", "eventTypes", List.of("transfer.observed"),
                "addresses", List.of(to), "email", inbox));

        Events.get().publish(Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "1500000"));

        await().atMost(WAIT).until(() -> mailsTo(inbox).size() == 1);
        MailMessage mail = mailsTo(inbox).getFirst();
        assertThat(mail.subject()).isEqualTo("[ChainHub] Transfer observed: 1.5 USDC");
        assertThat(mail.text()).contains("1.5 USDC from").contains(to).contains("treasury");
        assertThat(mail.html()).contains("<h2").contains("1.5 USDC").contains(to);
    }

    @Test
    void shouldGroupEmailsBeyondHourlyLimitIntoOneDigest() {
        String inbox = "digest-" + System.nanoTime() + "@example.com";
        String to = Events.randomAddress();
        api.createSubscription(Map.of("name", "busy wallet", "eventTypes", List.of("transfer.observed"),
                "addresses", List.of(to), "email", inbox, "emailMaxPerHour", 1));

        Events.get().publish(List.of(
                Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "1000000"),
                Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "2000000"),
                Events.transfer(Events.randomAddress(), to, Events.randomAddress(), "3000000")));

        await().atMost(WAIT).until(() -> mailsTo(inbox).size() == 2);
        List<MailMessage> mails = mailsTo(inbox);
        MailMessage digest = mails.stream().filter(m -> m.subject().contains("Digest")).findFirst().orElseThrow();
        assertThat(digest.subject()).isEqualTo("[ChainHub] Digest: 2 events for busy wallet");
        assertThat(digest.text()).contains("2 more events");
        assertThat(digest.html()).contains("<li>");
        assertThat(mails.stream().filter(m -> !m.subject().contains("Digest"))).hasSize(1);
    }

    @Test
    void shouldEmailHighSeverityAlertAtOnceWhenOverLimit() {
        String inbox = "fraud-" + System.nanoTime() + "@example.com";
        String subject = Events.randomAddress();
        api.createSubscription(Map.of("name", "fraud desk", "eventTypes", List.of("fraud.alert"),
                "addresses", List.of(subject), "email", inbox, "emailMaxPerHour", 1));

        Events.get().publish(Events.alert(subject, AlertSeverity.LOW));
        await().atMost(WAIT).until(() -> mailsTo(inbox).size() == 1);
        Events.get().publish(Events.alert(subject, AlertSeverity.MEDIUM));
        Events.get().publish(Events.alert(subject, AlertSeverity.CRITICAL));

        await().atMost(WAIT).until(() -> mailsTo(inbox).stream().anyMatch(m -> m.subject().contains("CRITICAL")));
        // the MEDIUM one waits for the digest (2 s) while the CRITICAL one went out at once
        assertThat(mailsTo(inbox).stream().filter(m -> m.subject().contains("Digest"))).isEmpty();
        await().atMost(WAIT).until(() -> mailsTo(inbox).stream().anyMatch(m -> m.subject().contains("Digest: 1 events")));
    }

    private static List<MailMessage> mailsTo(String address) {
        return TestInfrastructure.get().mail().messages().stream()
                .filter(m -> m.to().stream().anyMatch(a -> a.address().equals(address)))
                .toList();
    }
}

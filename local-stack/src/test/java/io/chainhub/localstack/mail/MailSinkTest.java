package io.chainhub.localstack.mail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MailSinkTest {

    private final MailSink sink = MailSink.start(0, 0);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        sink.close();
    }

    @Test
    void shouldShowOneMessageWithTextAndHtmlWhenSentToTwoRecipients() throws Exception {
        send("Withdrawal <approved>", "bob@example.com", "carol@example.com");

        await().atMost(Duration.ofSeconds(5)).until(() -> !sink.messages().isEmpty());
        MailMessage message = sink.messages().getFirst();

        assertThat(sink.messages()).hasSize(1);
        assertThat(message.subject()).isEqualTo("Withdrawal <approved>");
        assertThat(message.to()).extracting(MailMessage.MailAddress::address).containsExactly("bob@example.com", "carol@example.com");
        assertThat(message.text()).contains("plain body");
        assertThat(message.html()).contains("<b>html body</b>");
    }

    @Test
    void shouldServeMessagesAsMailpitJsonAndEscapedHtml() throws Exception {
        send("Withdrawal <approved>", "bob@example.com");
        await().atMost(Duration.ofSeconds(5)).until(() -> !sink.messages().isEmpty());
        String id = sink.messages().getFirst().id();

        assertThat(get("api/v1/messages").body()).contains("\"Subject\":\"Withdrawal <approved>\"", "\"ID\":\"" + id + "\"",
                "\"Address\":\"bob@example.com\"", "\"Created\"");
        assertThat(get("api/v1/message/" + id).body()).contains("\"Text\":\"plain body", "\"HTML\":\"<p><b>html body</b>");
        assertThat(get("").body()).contains("Withdrawal &lt;approved&gt;").doesNotContain("Withdrawal <approved>");
        assertThat(get("view/" + id + "/body.html").headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
        assertThat(get("api/v1/message/unknown").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldForgetEverythingOnDelete() throws Exception {
        send("one", "bob@example.com");
        await().atMost(Duration.ofSeconds(5)).until(() -> !sink.messages().isEmpty());

        http.send(HttpRequest.newBuilder(URI.create(sink.inboxUrl() + "api/v1/messages")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(sink.messages()).isEmpty();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sink.inboxUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void send(String subject, String... to) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "localhost");
        properties.put("mail.smtp.port", Integer.toString(sink.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("noreply@chainhub.local", "ChainHub"));
        for (String recipient : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(subject);
        MimeBodyPart text = new MimeBodyPart();
        text.setText("plain body", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p><b>html body</b></p>", "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", text, html));
        Transport.send(message);
    }
}

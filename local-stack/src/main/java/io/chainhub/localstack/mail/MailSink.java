package io.chainhub.localstack.mail;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An SMTP server that accepts every mail (no auth, any recipient) and keeps it in memory, plus a
 * small web inbox and Mailpit-compatible JSON API on a second port, so people and tests can read
 * what the services sent.
 */
public final class MailSink implements AutoCloseable {

    private final GreenMail greenMail;
    private final InboxServer inbox;

    private MailSink(GreenMail greenMail, InboxServer inbox) {
        this.greenMail = greenMail;
        this.inbox = inbox;
    }

    /**
     * @param smtpPort 0 = a free port
     * @param httpPort inbox web UI and API; 0 = a free port, -1 = none
     */
    public static MailSink start(int smtpPort, int httpPort) {
        ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = new GreenMail(smtpPort == 0 ? smtp.dynamicPort() : smtp)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        MailSink sink = new MailSink(greenMail, null);
        if (httpPort < 0) {
            return sink;
        }
        try {
            return new MailSink(greenMail, InboxServer.start(httpPort, sink));
        } catch (RuntimeException e) {
            greenMail.stop();
            throw e;
        }
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** The inbox web UI; its JSON API lives under {@code /api/v1}. */
    public String inboxUrl() {
        if (inbox == null) {
            throw new IllegalStateException("this mail sink runs without inbox web UI");
        }
        return "http://localhost:" + inbox.port() + "/";
    }

    /** Every mail received, newest first; one entry per mail even when it had several recipients. */
    public List<MailMessage> messages() {
        Map<String, MailMessage> byId = new LinkedHashMap<>();
        for (StoredMessage stored : greenMail.getManagers().getImapHostManager().getAllMessages()) {
            MailMessage message = MailMessage.of(stored.getMimeMessage(), stored.getReceivedDate().toInstant());
            byId.putIfAbsent(message.id(), message);
        }
        return byId.values().stream().sorted(Comparator.comparing(MailMessage::created).reversed()).toList();
    }

    public Optional<MailMessage> message(String id) {
        return messages().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public void deleteAll() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("cannot purge mailboxes", e);
        }
    }

    @Override
    public void close() {
        if (inbox != null) {
            inbox.stop();
        }
        greenMail.stop();
    }
}

package io.chainhub.localstack.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * One received mail as the inbox shows it.
 *
 * @param id        stable short id (hash of the Message-ID header), used in URLs
 * @param messageId the Message-ID header
 * @param text      the first text/plain part, or ""
 * @param html      the first text/html part, or ""
 */
public record MailMessage(String id, String messageId, MailAddress from, List<MailAddress> to, List<MailAddress> cc,
                          String subject, Instant created, String text, String html, int size) {

    public record MailAddress(String name, String address) {
        static List<MailAddress> of(Address[] addresses) {
            if (addresses == null) {
                return List.of();
            }
            return Arrays.stream(addresses).map(MailAddress::of).toList();
        }

        static MailAddress of(Address address) {
            return address instanceof InternetAddress internet
                    ? new MailAddress(internet.getPersonal() == null ? "" : internet.getPersonal(), internet.getAddress())
                    : new MailAddress("", address.toString());
        }

        @Override
        public String toString() {
            return name.isEmpty() ? address : name + " <" + address + ">";
        }
    }

    static MailMessage of(MimeMessage mime, Instant received) {
        try {
            Address[] from = mime.getFrom();
            Bodies bodies = new Bodies();
            bodies.collect(mime);
            // GreenMail keeps one copy per recipient; the id must be the same for all copies, so
            // without a Message-ID (JavaMail always sets one) it comes from the content.
            String messageId = mime.getMessageID() != null ? mime.getMessageID()
                    : String.join("|", mime.getHeader("Date", ","), mime.getHeader("From", ","), mime.getHeader("To", ","),
                            mime.getSubject(), bodies.text, bodies.html);
            return new MailMessage(shortHash(messageId), mime.getMessageID() == null ? "" : mime.getMessageID(),
                    from == null || from.length == 0 ? new MailAddress("", "") : MailAddress.of(from[0]),
                    MailAddress.of(mime.getRecipients(Message.RecipientType.TO)),
                    MailAddress.of(mime.getRecipients(Message.RecipientType.CC)),
                    mime.getSubject() == null ? "" : mime.getSubject(), received, bodies.text, bodies.html,
                    Math.max(0, mime.getSize()));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail: " + e.getMessage(), e);
        }
    }

    /** The first characters of the text, for list views. */
    public String snippet() {
        String plain = text.isBlank() ? html.replaceAll("<[^>]*>", " ") : text;
        String collapsed = plain.replaceAll("\\s+", " ").strip();
        return collapsed.length() <= 200 ? collapsed : collapsed.substring(0, 200) + "…";
    }

    private static String shortHash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Walks a MIME tree and keeps the first text and the first HTML body. */
    private static final class Bodies {
        String text = "";
        String html = "";

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            } else if (part.isMimeType("text/plain") && text.isEmpty()) {
                text = part.getContent().toString();
            } else if (part.isMimeType("text/html") && html.isEmpty()) {
                html = part.getContent().toString();
            }
        }
    }
}

package io.chainhub.notification.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.chainhub.notification.config.NotificationProperties;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Hands one mail to the SMTP server: plain text and HTML alternatives. */
@Component
class MailOutbox {

    private final JavaMailSender mailSender;
    private final String from;

    MailOutbox(JavaMailSender mailSender, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.from = properties.email().from();
    }

    /** @throws MailException when the server refuses or cannot be reached */
    void send(MailComposer.Mail mail) {
        MimeMessage message = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            if (mail.html() != null) {
                helper.setText(mail.text(), mail.html());
            } else {
                helper.setText(mail.text());
            }
        } catch (MessagingException e) {
            throw new IllegalArgumentException("cannot build mail to " + mail.to() + ": " + e.getMessage(), e);
        }
        mailSender.send(message);
    }
}

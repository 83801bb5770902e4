package org.gridloop.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Hands one mail to the SMTP server of {@code spring.mail.*} (Spring Boot creates a
 * {@link JavaMailSender} only when {@code spring.mail.host} is set), or, without one, writes it
 * to the log. Throws when the server cannot take the mail; the job around it then retries.
 */
@Component
public class MailDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

  private final JavaMailSender sender;
  private final String from;

  @Autowired
  public MailDelivery(ObjectProvider<JavaMailSender> sender, MailProperties properties) {
    this(sender.getIfAvailable(), properties.from());
  }

  MailDelivery(JavaMailSender sender, String from) {
    this.sender = sender;
    this.from = from;
  }

  /** SENT when mail goes to an SMTP server, LOGGED when it only goes to the log. */
  public MailStatus mode() {
    return sender == null ? MailStatus.LOGGED : MailStatus.SENT;
  }

  void deliver(OutboxMail mail) {
    if (sender == null) {
      LOG.info("Mail {} ({}) not sent, no SMTP server configured (spring.mail.host)\nTo: {}\nSubject: {}\n\n{}",
          mail.id(), mail.template(), String.join(", ", mail.to()), mail.subject(), mail.body());
      return;
    }
    MimeMessage message = sender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(mail.to().toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.body(), false);
      message.setHeader("X-GridLoop-Mail-Id", Long.toString(mail.id()));
    } catch (MessagingException e) {
      throw new MailPreparationException("Mail " + mail.id() + " cannot be prepared: " + e.getMessage(), e);
    }
    sender.send(message);
    LOG.info("Mail {} ({}) sent to {}", mail.id(), mail.template(), mail.to().size() + " recipient(s)");
  }
}

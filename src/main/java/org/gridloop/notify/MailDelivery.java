package org.gridloop.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Pattern;
import org.gridloop.system.GridLoopProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Hands one mail to the SMTP server of {@code spring.mail.*} (Spring Boot creates a
 * {@link JavaMailSender} only when {@code spring.mail.host} is set), or, without one, writes it
 * to the log: in demo mode the whole mail, otherwise only which mail it was. Mail bodies carry
 * secrets (status and rating links with the reporter's token, vote codes, set-password links) and
 * recipients are residents' addresses: a production log must hold neither. Throws when the server
 * cannot take the mail; the job around it then retries.
 */
@Component
public class MailDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

  private final JavaMailSender sender;
  private final String from;
  private final boolean demo;

  @Autowired
  public MailDelivery(ObjectProvider<JavaMailSender> sender, MailProperties properties, GridLoopProperties gridLoop) {
    this(sender.getIfAvailable(), properties.from(), gridLoop.demo().enabled());
  }

  MailDelivery(JavaMailSender sender, String from, boolean demo) {
    this.sender = sender;
    this.from = from;
    this.demo = demo;
  }

  /** SENT when mail goes to an SMTP server, LOGGED when it only goes to the log. */
  public MailStatus mode() {
    return sender == null ? MailStatus.LOGGED : MailStatus.SENT;
  }

  void deliver(OutboxMail mail) {
    if (sender == null) {
      if (demo) {
        LOG.info("Mail {} ({}) not sent, no SMTP server configured (spring.mail.host)\nTo: {}\nSubject: {}\n\n{}",
            mail.id(), mail.template(), String.join(", ", mail.to()), mail.subject(), mail.body());
      } else {
        LOG.warn("Mail {} ({}) for {} to {} recipient(s) not sent: no SMTP server configured (spring.mail.host);"
            + " outside demo mode its text is not logged", mail.id(), mail.template(), mail.caseNumber(), mail.to().size());
      }
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
      throw new MailPreparationException("Mail " + mail.id() + " cannot be prepared: "
          + withoutAddresses(String.valueOf(e.getMessage())));
    }
    try {
      sender.send(message);
    } catch (MailException e) {
      // The server's reply may quote the recipients. The failure goes to the log, the outbox and the
      // job's exception (Cockpit: supervisors): it keeps the reply without the residents' addresses.
      throw new MailSendException("Mail " + mail.id() + " not sent: " + withoutAddresses(describe(e)));
    }
    LOG.info("Mail {} ({}) sent to {}", mail.id(), mail.template(), mail.to().size() + " recipient(s)");
  }

  private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"',;:()\\[\\]]+@[^\\s<>\"',;:()\\[\\]]+");

  /** Every e-mail address in a text replaced by {@code <address>}. */
  static String withoutAddresses(String text) {
    return ADDRESS.matcher(text).replaceAll("<address>");
  }

  /** The exception's message with those of its causes (the SMTP reply is often a cause's). */
  private static String describe(Throwable exception) {
    StringBuilder text = new StringBuilder(String.valueOf(exception.getMessage()));
    Throwable cause = exception.getCause();
    for (int depth = 0; cause != null && depth < 4; depth++, cause = cause.getCause()) {
      if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
        text.append(" <- ").append(cause.getMessage());
      }
    }
    if (exception instanceof MailSendException send) {
      send.getFailedMessages().values().forEach(failure -> {
        for (Throwable f = failure; f != null; f = f.getCause()) {
          if (f.getMessage() != null && !text.toString().contains(f.getMessage())) {
            text.append(" <- ").append(f.getMessage());
          }
        }
      });
    }
    return text.toString();
  }
}

package org.gridloop.support;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** Reading what GreenMail received, for tests. */
public final class ReceivedMail {

  private ReceivedMail() {}

  /** The decoded text of a mail (GreenMailUtil.getBody would give the transfer-encoded bytes). */
  public static String text(MimeMessage message) {
    try {
      Object content = message.getContent();
      if (content instanceof Multipart multipart) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
          text.append(multipart.getBodyPart(i).getContent());
        }
        return text.toString();
      }
      return String.valueOf(content);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

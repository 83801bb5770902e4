package org.gridloop.support;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading what GreenMail received, for tests. */
public final class ReceivedMail {

  private static final Pattern VOTE_CODE = Pattern.compile("表决码：([2-9A-Z]{4}-[2-9A-Z]{4})");

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

  /** The received mails to this address whose subject contains the text (a case or topic number), oldest first. */
  public static List<MimeMessage> to(MimeMessage[] received, String address, String subjectPart) {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : received) {
      try {
        if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address))
            && m.getSubject().contains(subjectPart)) {
          found.add(m);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return found;
  }

  /** The vote code in the latest vote-opening mail to this address about the topic. */
  public static Optional<String> voteCode(MimeMessage[] received, String address, String topicNumber) {
    String found = null;
    for (MimeMessage mail : to(received, address, topicNumber)) {
      Matcher m = VOTE_CODE.matcher(text(mail));
      if (m.find()) {
        found = m.group(1);
      }
    }
    return Optional.ofNullable(found);
  }
}

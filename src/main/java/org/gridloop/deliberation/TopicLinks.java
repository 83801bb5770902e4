package org.gridloop.deliberation;

import org.gridloop.notify.MailService;
import org.springframework.stereotype.Component;

/** The links of a topic that mails and API answers carry, on GridLoop's public base URL. */
@Component
public class TopicLinks {

  private final MailService mail;

  public TopicLinks(MailService mail) {
    this.mail = mail;
  }

  public String topic(String topicNumber) {
    return mail.link(topicPath(topicNumber));
  }

  public String topicPath(String topicNumber) {
    return "/api/topics/" + topicNumber;
  }

  public String tasklist() {
    return mail.link("/camunda/app/tasklist/");
  }
}

package org.gridloop.deliberation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridloop.deliberation.TopicRecords.TopicRow;
import org.gridloop.notify.MailService;
import org.gridloop.org.GroupIds;
import org.springframework.stereotype.Component;

/**
 * Mails about a topic to the people it concerns: the proposer, the council of its level (every
 * member of the group {@code council-<scopeId>}) and the voters (the owners of the scope with an
 * e-mail address in the owners register, one mail each, so no owner sees another's address).
 * Every mail uses the template {@code topic-notice} (topicNumber, title, message, topicUrl); the
 * message says what happened and what the reader may do, Chinese then English.
 */
@Component
public class TopicMails {

  static final String TEMPLATE = "topic-notice";

  private final MailService mail;
  private final TopicLinks links;
  private final Electorate electorate;

  public TopicMails(MailService mail, TopicLinks links, Electorate electorate) {
    this.mail = mail;
    this.links = links;
    this.electorate = electorate;
  }

  public void toProposer(TopicRow topic, String message, String processInstanceId) {
    if (topic.proposerEmail() != null && !topic.proposerEmail().isBlank()) {
      mail.queue(TEMPLATE, model(topic, message), List.of(topic.proposerEmail()), processInstanceId);
    }
  }

  public void toCouncil(TopicRow topic, String message, String processInstanceId) {
    mail.queueToGroup(TEMPLATE, model(topic, message), GroupIds.council(topic.scopeId()), processInstanceId);
  }

  /** One mail to each owner of the scope who has an e-mail address; the proposer is not mailed twice. */
  public void toVoters(TopicRow topic, Collection<OwnersRegister.Unit> units, String message,
      String processInstanceId) {
    Set<String> addresses = new LinkedHashSet<>();
    for (OwnersRegister.Unit unit : units) {
      electorate.email(unit.ownerId()).ifPresent(addresses::add);
    }
    if (topic.proposerEmail() != null) {
      addresses.removeIf(a -> a.equalsIgnoreCase(topic.proposerEmail()));
    }
    for (String address : addresses) {
      mail.queue(TEMPLATE, model(topic, message), List.of(address), processInstanceId);
    }
  }

  /** One owner's own mail (their vote code): confidential, the outbox does not keep it once sent. */
  public void toOwner(TopicRow topic, String email, String message, String processInstanceId) {
    mail.queueConfidential(TEMPLATE, model(topic, message), List.of(email), processInstanceId);
  }

  private Map<String, Object> model(TopicRow topic, String message) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("topicNumber", topic.topicNumber());
    model.put("title", topic.title());
    model.put("message", message);
    model.put("topicUrl", links.topic(topic.topicNumber()));
    return model;
  }
}

package org.gridloop.deliberation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridloop.deliberation.TopicRecords.CouncilCodeRow;
import org.gridloop.deliberation.TopicRecords.TopicRow;
import org.gridloop.notify.MailService;
import org.gridloop.org.GroupIds;
import org.gridloop.org.Organisation;
import org.springframework.stereotype.Component;

/**
 * Mails about a topic to the people it concerns: the proposer, the council of its level (every
 * member of the group {@code council-<scopeId>}) and the voters (the owners of the scope with an
 * e-mail address in the owners register, one mail each, so no owner sees another's address).
 * Every mail uses the template {@code topic-notice} (topicNumber, title, message, topicUrl); the
 * message says what happened and what the reader may do, Chinese then English. The notice of a
 * council-issued vote code has its own template, {@code vote-code-issued}.
 */
@Component
public class TopicMails {

  static final String TEMPLATE = "topic-notice";

  static final String COUNCIL_CODE_TEMPLATE = "vote-code-issued";

  private final MailService mail;
  private final TopicLinks links;
  private final Electorate electorate;
  private final Organisation organisation;

  public TopicMails(MailService mail, TopicLinks links, Electorate electorate, Organisation organisation) {
    this.mail = mail;
    this.links = links;
    this.electorate = electorate;
    this.organisation = organisation;
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

  /**
   * Tells an owner that the council issued a vote code in their name (who, when, why; never the
   * code), so a code they did not ask for cannot be used for them unseen.
   */
  public void toOwnerAboutCouncilCode(TopicRow topic, String email, CouncilCodeRow code) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("topicNumber", topic.topicNumber());
    model.put("title", topic.title());
    model.put("ownerId", code.ownerId());
    model.put("round", code.round());
    model.put("issuedBy", organisation.staffMember(code.issuedBy())
        .map(staff -> staff.name() + " " + staff.nameEn() + " (" + code.issuedBy() + ")").orElse(code.issuedBy()));
    model.put("issuedAt", code.issuedAt());
    model.put("reason", code.reason());
    model.put("topicUrl", links.topic(topic.topicNumber()));
    mail.queue(COUNCIL_CODE_TEMPLATE, model, List.of(email), topic.processInstanceId());
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

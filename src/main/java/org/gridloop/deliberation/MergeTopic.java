package org.gridloop.deliberation;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridloop.deliberation.TopicRecords.TopicRow;
import org.springframework.stereotype.Component;

/**
 * {@code merge-topic} (合并议题): merges the topic into the open topic {@code mergeInto} of the same
 * scope: the public record of the target lists it, its opinions move there, and the proposer is told
 * where to follow it. A target that does not exist, is the topic itself, belongs to another scope
 * or has ended fails the review's completion with the reason, so the task stays open.
 */
@Component("mergeTopic")
public class MergeTopic implements JavaDelegate {

  private final TopicRecords records;
  private final TopicMails mails;
  private final TopicLinks links;

  public MergeTopic(TopicRecords records, TopicMails mails, TopicLinks links) {
    this.records = records;
    this.mails = mails;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TopicRow topic = TopicDelegates.topic(records, execution);
    String into = TopicDelegates.text(execution.getVariable("mergeInto"));
    if (into == null) {
      throw new IllegalArgumentException("mergeInto: 请填写并入的议题编号 the topic number to merge into is required");
    }
    into = into.toUpperCase(Locale.ROOT);
    String target = into;
    TopicRow other = records.find(into).orElseThrow(() ->
        new IllegalArgumentException("mergeInto: 没有议题 " + target + " There is no topic " + target));
    if (other.topicNumber().equals(topic.topicNumber())) {
      throw new IllegalArgumentException("mergeInto: 议题不能并入自身 A topic cannot be merged into itself");
    }
    if (!other.scopeId().equals(topic.scopeId()) || !other.level().equals(topic.level())) {
      throw new IllegalArgumentException("mergeInto: " + into + " 属于其他范围 belongs to another scope ("
          + other.level() + " " + other.scopeId() + "); merge only topics of " + topic.level() + " "
          + topic.scopeId());
    }
    if (other.endedAt() != null) {
      throw new IllegalArgumentException("mergeInto: " + into + " 已结束 has already ended (" + other.stage() + ")");
    }
    records.setReview(topic.topicNumber(), "merge", TopicDelegates.text(execution.getVariable("reviewComment")),
        null, into);
    records.moveOpinions(topic.topicNumber(), into);
    mails.toProposer(topic, "议事会已将您的议题并入议题 " + into + "「" + other.title() + "」，请关注该议题："
        + links.topic(into) + "\n\nThe council merged your topic into topic " + into + " (\"" + other.title()
        + "\"); follow it here: " + links.topic(into), execution.getProcessInstanceId());
  }
}

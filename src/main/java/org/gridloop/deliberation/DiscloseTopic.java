package org.gridloop.deliberation;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridloop.deliberation.TopicRecords.TopicRow;
import org.springframework.stereotype.Component;

/**
 * {@code disclose-results} (公开结果, 成事共享): stores the result for the public board: every item's
 * outcome and spending (amount, payee, purpose, date) from {@code itemResults}, the vote figures
 * already on record from the tally, and the moment of disclosure; then tells the proposer and the
 * owners of the scope where to read it.
 */
@Component("discloseTopic")
public class DiscloseTopic implements JavaDelegate {

  private final TopicRecords records;
  private final TopicMails mails;
  private final TopicLinks links;

  public DiscloseTopic(TopicRecords records, TopicMails mails, TopicLinks links) {
    this.records = records;
    this.mails = mails;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TopicRow topic = TopicDelegates.topic(records, execution);
    String n = topic.topicNumber();
    if (execution.getVariable("itemResults") instanceof Collection<?> results) {
      for (Object entry : results) {
        if (entry instanceof Map<?, ?> result && result.get("itemNumber") instanceof Number number) {
          Object amount = result.get("spentAmount");
          Object outcome = result.get("outcome") != null ? result.get("outcome")
              : result.get("linkedCaseOutcome");
          records.setItemResult(n, number.intValue(), TopicDelegates.text(outcome),
              amount == null ? null : new BigDecimal(amount.toString()),
              TopicDelegates.text(result.get("payee")), TopicDelegates.text(result.get("purpose")),
              TopicDelegates.text(result.get("date")),
              records.items(n).stream().filter(i -> i.itemNumber() == number.intValue())
                  .map(TopicRecords.ItemRow::doneAt).filter(d -> d != null).findFirst()
                  .orElse(TopicTime.now()));
        }
      }
    }
    records.disclosed(n, TopicTime.now());
    String message = "议题的表决结果、实施情况和每一笔支出已公开（成事共享）：" + links.topic(n)
        + "\n\nThe vote figures, what was done and every yuan spent on the topic are now public: " + links.topic(n);
    mails.toProposer(topic, message, execution.getProcessInstanceId());
    mails.toVoters(topic, records.electors(n, topic.voteRound()), message, execution.getProcessInstanceId());
  }
}

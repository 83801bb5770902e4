package org.gridloop.deliberation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code rerun-vote} (重新表决): counts the re-run ({@code voteRerunCount} + 1, a Long) and records
 * the council's comment. The ballots of the missed round stay on record under their round, but no
 * longer count: the next round ({@code open-vote}) starts with an empty ballot box and new codes.
 */
@Component("rerunVote")
public class RerunVote implements JavaDelegate {

  private final TopicRecords records;

  public RerunVote(TopicRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object count = execution.getVariable("voteRerunCount");
    long reruns = count instanceof Number number ? number.longValue() : 0L;
    execution.setVariable("voteRerunCount", reruns + 1);
    records.setRerunComment(execution.getProcessBusinessKey(),
        TopicDelegates.text(execution.getVariable("rerunComment")));
  }
}

package org.gridloop.deliberation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code archive-topic} (归档议题): marks the topic archived; its public record stays readable. */
@Component("archiveTopic")
public class ArchiveTopic implements JavaDelegate {

  private final TopicRecords records;

  public ArchiveTopic(TopicRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    records.archived(execution.getProcessBusinessKey(), TopicTime.now());
  }
}

package org.gridloop.deliberation;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the public stage of each topic (gl_topic.stage) and the windows of its three periods in
 * step with its four-affairs process. Listens to the engine's execution events (published as
 * Spring events, in the engine's transaction, like the grid-call task recorder), so the model
 * needs no listener on each element; the stage follows the model's element ids.
 */
@Component
public class TopicStageRecorder {

  static final String PROCESS = TopicIntake.PROCESS;

  private final TopicRecords records;

  public TopicStageRecorder(TopicRecords records) {
    this.records = records;
  }

  @EventListener
  public void onExecution(DelegateExecution execution) {
    String definition = execution.getProcessDefinitionId();
    if (definition == null || !definition.startsWith(PROCESS + ":")) {
      return;
    }
    String activity = execution.getCurrentActivityId();
    String topic = execution.getProcessBusinessKey();
    if (activity == null || topic == null) {
      return;
    }
    Date now = TopicTime.now();
    if (ExecutionListener.EVENTNAME_START.equals(execution.getEventName())) {
      started(execution, activity, topic, now);
    } else if (ExecutionListener.EVENTNAME_END.equals(execution.getEventName())) {
      switch (activity) {
        case "public-notice-period" -> records.setNoticeWindow(topic, null, now);
        case "vote-period" -> records.setVoteWindow(topic, null, now);
        case "evaluation-period" -> records.setEvaluationWindow(topic, null, now);
        default -> { }
      }
    }
  }

  private void started(DelegateExecution execution, String activity, String topic, Date now) {
    switch (activity) {
      case "council-review" -> records.setStage(topic, TopicStage.REVIEW);
      case "determine-vote-rule" -> records.setStage(topic, TopicStage.ACCEPTED);
      case "public-notice-period" -> {
        records.setStage(topic, TopicStage.PUBLIC_NOTICE);
        records.setNoticeWindow(topic, now, TopicTime.after(execution.getVariable("noticePeriod")));
      }
      case "consultation-meeting" -> records.setStage(topic, TopicStage.CONSULTATION);
      case "open-vote" -> records.setStage(topic, TopicStage.VOTE);
      case "vote-period" -> records.setVoteWindow(topic, now, TopicTime.after(execution.getVariable("votePeriod")));
      case "tally-votes" -> records.setStage(topic, TopicStage.TALLYING);
      case "decide-rerun" -> records.setStage(topic, TopicStage.RERUN_DECISION);
      case "plan-implementation" -> records.setStage(topic, TopicStage.PLANNING);
      case "notify-vote-failed" -> records.setStage(topic, TopicStage.NOT_PASSED);
      case "implement-item#multiInstanceBody", "implement-item" ->
          records.setStage(topic, TopicStage.IMPLEMENTATION);
      case "open-evaluation" -> records.setStage(topic, TopicStage.EVALUATION);
      case "evaluation-period" -> {
        records.setStage(topic, TopicStage.EVALUATION);
        records.setEvaluationWindow(topic, now, TopicTime.after(execution.getVariable("evaluationPeriod")));
      }
      case "disclose-results" -> records.setStage(topic, TopicStage.DISCLOSURE);
      case "topic-rejected" -> records.end(topic, TopicStage.REJECTED, now);
      case "topic-merged" -> records.end(topic, TopicStage.MERGED, now);
      case "topic-not-passed" -> records.end(topic, TopicStage.NOT_PASSED, now);
      case "topic-archived" -> records.end(topic, TopicStage.ARCHIVED, now);
      default -> { }
    }
  }
}

package org.gridloop.deliberation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gridloop.deliberation.Electorate.Scope;
import org.gridloop.deliberation.TopicRecords.TopicRow;

/** What the topic delegates share: finding the topic of an execution, its scope, JSON. */
final class TopicDelegates {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TopicDelegates() {
  }

  static TopicRow topic(TopicRecords records, DelegateExecution execution) {
    String topicNumber = execution.getProcessBusinessKey();
    return records.find(topicNumber).orElseThrow(() -> new IllegalStateException(
        "No topic record " + topicNumber + " for process instance " + execution.getProcessInstanceId()));
  }

  static Scope scope(Electorate electorate, TopicRow topic) {
    TopicLevel level = TopicLevel.parse(topic.level()).orElseThrow(() ->
        new IllegalStateException("topic " + topic.topicNumber() + ": unknown level " + topic.level()));
    return electorate.scope(level, topic.scopeId()).orElseThrow(() -> new IllegalStateException(
        "topic " + topic.topicNumber() + ": " + level.name() + " " + topic.scopeId()
            + " is no longer in the organisation directory"));
  }

  @SuppressWarnings("unchecked")
  static VoteRule voteRule(DelegateExecution execution) {
    return VoteRule.fromMap((Map<String, ?>) execution.getVariable("voteRule"));
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  static String levelAndScope(Scope scope) {
    return scope.level().nameZh() + " " + scope.name() + " / " + scope.level().nameEn() + " " + scope.nameEn();
  }

  /** The owners of the units, each once, in order. */
  static List<String> owners(List<OwnersRegister.Unit> units) {
    return units.stream().map(OwnersRegister.Unit::ownerId).distinct().toList();
  }
}

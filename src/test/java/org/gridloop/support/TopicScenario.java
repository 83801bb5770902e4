package org.gridloop.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Drives topics the way councils, residents and time would: finds and completes tasks, moves the
 * engine clock and runs the jobs that are due (timers, asynchronous steps, mails), as
 * {@link CaseScenario} does for cases. The job executor is off in tests, so nothing happens behind
 * the test's back.
 */
public final class TopicScenario {

  /** Longer than any period of vote-rules.dmn (notice, vote, evaluation). */
  public static final Duration PAST_A_PERIOD = Duration.ofDays(16);

  private final ProcessEngine engine;
  private final CaseScenario steps;

  public TopicScenario(ProcessEngine engine) {
    this.engine = engine;
    this.steps = new CaseScenario(engine);
  }

  /** The body of {@code POST /api/topics}: a resident's proposal for a compound. */
  public static Map<String, Object> proposal(String compound, String matterType, String title, String proposerEmail) {
    Map<String, Object> proposal = new HashMap<>();
    proposal.put("title", title);
    proposal.put("description", "测试议题 Scenario topic: " + title);
    proposal.put("level", "compound");
    proposal.put("scopeId", compound);
    proposal.put("matterType", matterType);
    proposal.put("estimatedCost", 12000.00);
    proposal.put("proposer", Map.of("name", "周小敏", "email", proposerEmail));
    return proposal;
  }

  public ProcessInstance instance(String businessKey, String processKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey(processKey).singleResult();
  }

  /** The one open task at a step (fails if there are several or none). */
  public Task task(ProcessInstance instance, String step) {
    return steps.task(instance, step);
  }

  public List<Task> tasks(ProcessInstance instance, String step) {
    return steps.tasks(instance, step);
  }

  public List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
  }

  /** Completes the task as a member of its group would through the form, then runs what follows. */
  public void complete(Task task, Map<String, Object> formFields) {
    steps.complete(task, formFields);
  }

  /** Moves the engine clock forward and runs every job now due. */
  public void passTime(Duration duration) {
    steps.passTime(duration);
  }

  /** Runs due jobs until none is left (bounded: a model that loops forever fails the test). */
  public void runDueJobs() {
    steps.runDueJobs();
  }

  /**
   * Takes a topic waiting for its review to an open vote: accepted, the public notice over, the
   * consultation meeting held (the owners with an address get their codes by mail).
   */
  public ProcessInstance openVote(String topicNumber) {
    ProcessInstance instance = instance(topicNumber, "four-affairs");
    complete(task(instance, "council-review"), Map.of("reviewOutcome", "accept"));
    passTime(PAST_A_PERIOD);
    complete(task(instance, "consultation-meeting"), Map.of("meetingDate", "2026-12-05T19:30:00+08:00",
        "participants", SpinValues.jsonValue("[\"ownersRepresentatives\"]").create(),
        "minutes", "业主代表协商一致，付诸表决 The owners' representatives agreed to put it to the vote"));
    return instance;
  }
}

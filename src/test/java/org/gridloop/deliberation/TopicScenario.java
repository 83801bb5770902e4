package org.gridloop.deliberation;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives topics the way councils, residents and time would: finds and completes tasks, moves the
 * engine clock and runs the jobs that are due (timers, asynchronous steps, mails). The job executor
 * is off in tests, so nothing happens behind the test's back.
 */
final class TopicScenario {

  private final ProcessEngine engine;

  TopicScenario(ProcessEngine engine) {
    this.engine = engine;
  }

  ProcessInstance instance(String businessKey, String processKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey(processKey).singleResult();
  }

  /** The one open task at a step (fails if there are several or none). */
  Task task(ProcessInstance instance, String step) {
    List<Task> tasks = tasks(instance, step);
    if (tasks.size() != 1) {
      throw new AssertionError("Expected one task '" + step + "' but found " + tasks.size());
    }
    return tasks.get(0);
  }

  List<Task> tasks(ProcessInstance instance, String step) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(step).list();
  }

  List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
  }

  /** Completes the task as a member of its group would through the form, then runs what follows. */
  void complete(Task task, Map<String, Object> formFields) {
    engine.getTaskService().complete(task.getId(), formFields);
    runDueJobs();
  }

  /** Moves the engine clock forward and runs every job now due. */
  void passTime(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
    runDueJobs();
  }

  /** Runs due jobs until none is left (bounded: a model that loops forever fails the test). */
  void runDueJobs() {
    ManagementService management = engine.getManagementService();
    for (int round = 0; round < 200; round++) {
      List<Job> due = management.createJobQuery().executable().withRetriesLeft().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException e) {
          // The engine keeps the failure (retries, then an incident); the scenario's assertions
          // show what it means. Mail jobs of other tests may fail here without GreenMail.
          System.err.println("Job " + job.getId() + " of " + job.getProcessInstanceId() + " failed: " + e);
        }
      }
    }
    throw new AssertionError("Jobs kept coming after 200 rounds");
  }
}

package org.gridloop.support;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives cases the way staff and time would, for scenario tests: finds tasks by step, completes
 * them, moves the engine clock and runs the jobs that are due (timers, async steps, mails). The
 * job executor is off in tests, so nothing happens behind the test's back.
 */
public final class CaseScenario {

  private final ProcessEngine engine;

  public CaseScenario(ProcessEngine engine) {
    this.engine = engine;
  }

  public ProcessInstance instance(String businessKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .singleResult();
  }

  /** The one open task of the case at a step (fails if there are several or none). */
  public Task task(ProcessInstance instance, String step) {
    List<Task> tasks = tasks(instance, step);
    if (tasks.size() != 1) {
      throw new AssertionError("Expected one task '" + step + "' but found " + tasks.size());
    }
    return tasks.get(0);
  }

  public List<Task> tasks(ProcessInstance instance, String step) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(step).list();
  }

  /** The open task at a step for one department of a multi-instance branch. */
  public Task departmentTask(ProcessInstance instance, String step, String department) {
    TaskService tasks = engine.getTaskService();
    return tasks(instance, step).stream()
        .filter(t -> department.equals(tasks.getVariable(t.getId(), "department")))
        .findFirst().orElseThrow(() -> new AssertionError("No task '" + step + "' for department " + department));
  }

  /** Completes the task as a member of its group would through the form, then runs what follows. */
  public void complete(Task task, Map<String, Object> formFields) {
    engine.getTaskService().complete(task.getId(), formFields);
    runDueJobs();
  }

  /** Moves the engine clock forward and runs every job now due. */
  public void passTime(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
    runDueJobs();
  }

  /** Runs due jobs until none is left (bounded: a model that loops forever fails the test). */
  public void runDueJobs() {
    ManagementService management = engine.getManagementService();
    for (int round = 0; round < 200; round++) {
      List<Job> due = management.createJobQuery().executable().withRetriesLeft().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        if (management.createJobQuery().jobId(job.getId()).count() == 0) {
          continue; // removed by an earlier job of this round (e.g. the timer of a completed task)
        }
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException e) {
          // The engine keeps the failure (retries, then an incident); the scenario's assertions
          // show what it means. Mail jobs of other tests' cases may fail here without GreenMail.
          System.err.println("Job " + job.getId() + " of " + job.getProcessInstanceId() + " failed: " + e);
        }
      }
    }
    throw new AssertionError("Jobs kept coming after 200 rounds");
  }

  public RuntimeService runtime() {
    return engine.getRuntimeService();
  }
}

package org.gridloop.privacy;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Earlier GridLoop versions kept residents' contact data in engine variables (the masked reporter
 * on every task, the reporter's name, phone, e-mail and rating token, the proposer's name and
 * e-mail), where every unit of the case and every supervisor could read them, in history for years.
 * Once per database, at startup, this removes those variables from the running cases and from
 * history; an engine property marks it done.
 */
@Component
class ContactVariablesPurge implements ApplicationRunner {

  static final List<String> NAMES = List.of("reporterMasked", "reporterName", "reporterPhone", "reporterEmail",
      "ratingToken", "proposerName", "proposerEmail");
  static final String DONE = "gridloop.contact-variables-purged";
  private static final int PAGE = 500;
  private static final Logger LOG = LoggerFactory.getLogger(ContactVariablesPurge.class);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final ManagementService management;

  ContactVariablesPurge(RuntimeService runtime, TaskService tasks, HistoryService history,
      ManagementService management) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.management = management;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (management.getProperties().containsKey(DONE)) {
      return;
    }
    int running = 0;
    int historic = 0;
    for (String name : NAMES) {
      running += removeRunning(name);
      historic += removeHistoric(name);
    }
    management.setProperty(DONE, ClockUtil.getCurrentTime().toInstant().toString());
    if (running + historic > 0) {
      LOG.info("Removed residents' contact data from engine variables: {} running, {} in history", running, historic);
    }
  }

  private int removeRunning(String name) {
    int removed = 0;
    // bounded by the count: a variable that would not go cannot keep startup in a loop
    for (long rounds = runtime.createVariableInstanceQuery().variableName(name).count() / PAGE; rounds >= 0; rounds--) {
      List<VariableInstance> page = runtime.createVariableInstanceQuery().variableName(name).listPage(0, PAGE);
      for (VariableInstance variable : page) {
        if (variable.getTaskId() != null) {
          tasks.removeVariableLocal(variable.getTaskId(), name);
        } else {
          runtime.removeVariableLocal(variable.getExecutionId(), name);
        }
        removed++;
      }
    }
    return removed;
  }

  private int removeHistoric(String name) {
    int removed = 0;
    for (long rounds = history.createHistoricVariableInstanceQuery().variableName(name).includeDeleted().count() / PAGE;
        rounds >= 0; rounds--) {
      List<HistoricVariableInstance> page = history.createHistoricVariableInstanceQuery().variableName(name)
          .includeDeleted().listPage(0, PAGE);
      for (HistoricVariableInstance variable : page) {
        // with its historic details: every value it ever had
        history.deleteHistoricVariableInstance(variable.getId());
        removed++;
      }
    }
    return removed;
  }
}

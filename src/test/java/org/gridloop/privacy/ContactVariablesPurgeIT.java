package org.gridloop.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.TestProcesses;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A database from before: contact data in engine variables and their history goes, once; the rest stays. */
@GridLoopIntegrationTest
class ContactVariablesPurgeIT {

  @Autowired ContactVariablesPurge purge;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  @Test
  void contactDataLeftInEngineVariablesByAnEarlierVersionIsRemovedFromRunningCasesAndHistoryOnce() {
    TestProcesses.deployOneTask(repository);
    ProcessInstance instance = runtime.startProcessInstanceByKey(TestProcesses.ONE_TASK, Map.of(
        "group", "grid-cx-hongxing-g1", "caseNumber", "GC-2025-000777",
        "reporterName", "刘小红", "reporterPhone", "13900000000", "ratingToken", "0123abcd"));
    runtime.setVariable(instance.getId(), "reporterPhone", "13912345678"); // a second value in history
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    tasks.setVariableLocal(task.getId(), "reporterMasked", "刘** 139****5678");
    assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isGreaterThan(4);
    assertThat(management.getProperties()).as("done at startup, on the empty database")
        .containsKey(ContactVariablesPurge.DONE);

    purge.run(null);
    assertThat(runtime.getVariables(instance.getId())).as("done once: a later start leaves data alone")
        .containsKey("reporterPhone");

    management.deleteProperty(ContactVariablesPurge.DONE); // a database upgraded from before
    purge.run(null);

    assertThat(runtime.getVariables(instance.getId())).containsOnlyKeys("group", "caseNumber");
    assertThat(tasks.getVariablesLocal(task.getId())).isEmpty();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).includeDeleted()
        .list()).extracting(v -> v.getName()).containsExactlyInAnyOrder("group", "caseNumber");
    assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates().list())
        .as("no value the removed variables ever had").extracting(d -> ((HistoricVariableUpdate) d).getVariableName())
        .containsOnly("group", "caseNumber");
    assertThat(management.getProperties()).containsKey(ContactVariablesPurge.DONE);
  }
}

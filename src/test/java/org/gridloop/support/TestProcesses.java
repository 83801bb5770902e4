package org.gridloop.support;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** Small throwaway models for tests of the platform itself (security, persistence). */
public final class TestProcesses {

  public static final String ONE_TASK = "test-one-task";

  private TestProcesses() {}

  /** A process with one user task for the candidate group given in the variable {@code group}. */
  public static BpmnModelInstance oneTask() {
    return Bpmn.createExecutableProcess(ONE_TASK)
        .name("测试 Test")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("work").name("办理 Work").camundaCandidateGroups("${group}")
        .endEvent()
        .done();
  }

  public static void deployOneTask(RepositoryService repository) {
    repository.createDeployment().name(ONE_TASK).enableDuplicateFiltering(false)
        .addModelInstance(ONE_TASK + ".bpmn", oneTask()).deploy();
  }
}

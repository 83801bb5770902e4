package org.gridloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridloop.deploy.BpmnFolderDeployer;
import org.gridloop.support.StandaloneApp;
import org.gridloop.support.TestProcesses;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** GridLoop stopped and started again on the same database (an H2 file by default). */
class RestartIT {

  @Test
  void aCaseAndTheDeploymentsSurviveARestartAndTheSecondStartDeploysNothingNew() {
    Path dataDir = StandaloneApp.freshDataDir("restart");
    String instanceId;
    long deployments;
    try (ConfigurableApplicationContext first = StandaloneApp.start("restartTest", dataDir)) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      TestProcesses.deployOneTask(engine.getRepositoryService());
      ProcessInstance instance = engine.getRuntimeService()
          .startProcessInstanceByKey(TestProcesses.ONE_TASK, "RESTART-1", Map.of("group", "grid-cx-hongxing-g1"));
      instanceId = instance.getId();
      deployments = engine.getRepositoryService().createDeploymentQuery()
          .deploymentName(BpmnFolderDeployer.DEPLOYMENT_NAME).count();
      assertThat(deployments).isPositive();
    }

    try (ConfigurableApplicationContext second = StandaloneApp.start("restartTest", dataDir)) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).singleResult())
          .isNotNull().extracting(ProcessInstance::getBusinessKey).isEqualTo("RESTART-1");
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId).taskCandidateGroup("grid-cx-hongxing-g1").count())
          .isEqualTo(1);
      assertThat(engine.getRepositoryService().createDeploymentQuery()
          .deploymentName(BpmnFolderDeployer.DEPLOYMENT_NAME).count()).isEqualTo(deployments);
      assertThat(engine.getIdentityService().createUserQuery().userId("wangfang").count()).isEqualTo(1);
    }
  }
}

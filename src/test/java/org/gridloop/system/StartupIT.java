package org.gridloop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.gridloop.deploy.BpmnFolderDeployer;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.StandaloneApp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@GridLoopIntegrationTest
class StartupIT {

  @Autowired RepositoryService repository;
  @Autowired BpmnFolderDeployer deployer;
  @Autowired TestRestTemplate rest;

  @Test
  void everyFileOfTheBpmnFolderIsDeployedUnderItsRelativeName() throws IOException {
    List<String> files;
    try (Stream<Path> walk = Files.walk(Path.of("bpmn"))) {
      files = walk.filter(Files::isRegularFile)
          .map(p -> p.toString().replace('\\', '/'))
          .filter(n -> n.endsWith(".bpmn") || n.endsWith(".dmn") || n.endsWith(".form"))
          .toList();
    }
    assertThat(files).isNotEmpty();
    Deployment latest = repository.createDeploymentQuery().deploymentName(BpmnFolderDeployer.DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().listPage(0, 1).get(0);
    List<String> deployed = repository.getDeploymentResources(latest.getId()).stream().map(Resource::getName).toList();
    assertThat(deployed).containsExactlyInAnyOrderElementsOf(files);
    assertThat(deployed).allMatch(name -> name.startsWith("bpmn/"));
  }

  @Test
  void deployingTheUnchangedFolderAgainCreatesNothingNew() {
    long before = repository.createDeploymentQuery().count();
    assertThat(deployer.deploy(repository)).isFalse();
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void healthIsUpWithTheEngineAndTheDatabase() {
    String health = rest.getForObject("/actuator/health", String.class);
    assertThat(health).contains("\"status\":\"UP\"").contains("\"processEngine\":{\"status\":\"UP\"")
        .contains("\"db\":{\"status\":\"UP\"");
  }

  @Test
  void anInvalidOrganisationFileStopsStartupNamingTheEntry() throws IOException {
    Path dir = StandaloneApp.freshDataDir("invalid-org");
    Files.createDirectories(dir);
    Path bad = dir.resolve("organisation.yaml");
    String demo = new String(getClass().getResourceAsStream("/demo/organisation.yaml").readAllBytes());
    Files.writeString(bad, demo.replace("role: gridWorker, unit: hh-furong-g3", "role: gridWorker, unit: hh-nowhere"));

    assertThatThrownBy(() -> StandaloneApp.start("invalidOrg", dir, "--gridloop.org-file=file:" + bad.toAbsolutePath()))
        .hasStackTraceContaining("(id=zhouqiang).roles[0]: unknown grid 'hh-nowhere'");
  }

  @Test
  void thePostgresProfileRefusesDemoDataAndAMissingAdministratorPassword() {
    Path dir = StandaloneApp.freshDataDir("refused");
    assertThatThrownBy(() -> StandaloneApp.start("refusedDemo", dir,
        "--spring.profiles.active=postgres", "--gridloop.demo.enabled=true"))
        .hasStackTraceContaining("The postgres profile refuses to start with demo data");
    assertThatThrownBy(() -> StandaloneApp.start("refusedNoAdmin", dir,
        "--spring.profiles.active=postgres", "--gridloop.admin.password="))
        .hasStackTraceContaining("No administrator password: set GRIDLOOP_ADMIN_PASSWORD (the postgres profile requires one)");
  }
}

package org.gridloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every flow node and sequence flow of each process is covered by its scenario tests, as recorded
 * by camunda-process-test-coverage in target/process-test-coverage/ (report.html shows it). Runs
 * after the other test classes ({@link ClassOrderer.OrderAnnotation}, junit-platform.properties).
 */
@Order(Integer.MAX_VALUE)
class ProcessCoverageIT {

  private static final Path REPORTS = Path.of("target", "process-test-coverage");

  @ParameterizedTest(name = "{0} is fully covered by {1}")
  @CsvSource({
      "grid-call, org.gridloop.casework.GridCallScenarioIT",
      "four-affairs, org.gridloop.deliberation.FourAffairsScenarioIT"})
  void everyFlowNodeAndSequenceFlowIsCovered(String processKey, String scenarioClass) throws IOException {
    Path report = REPORTS.resolve(scenarioClass).resolve("report.json");
    assertThat(report).as("coverage report of %s (run the whole integration test suite)", scenarioClass).exists();

    Set<String> covered = new TreeSet<>();
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    for (JsonNode run : json.at("/suites/0/runs")) {
      for (JsonNode event : run.get("events")) {
        // In this report format modelKey is the process and definitionKey the element.
        if (processKey.equals(event.get("modelKey").asText())) {
          covered.add(event.get("definitionKey").asText());
        }
      }
    }

    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", processKey + ".bpmn").toFile());
    Set<String> elements = new TreeSet<>();
    model.getModelElementsByType(FlowNode.class).forEach(node -> elements.add(node.getId()));
    model.getModelElementsByType(SequenceFlow.class).forEach(flow -> elements.add(flow.getId()));
    Set<String> missing = new TreeSet<>(elements);
    missing.removeAll(covered);

    assertThat(missing).as("elements of %s no scenario reaches", processKey).isEmpty();
    System.out.printf("%s: %d of %d flow nodes and sequence flows covered (report: %s)%n",
        processKey, elements.size() - missing.size(), elements.size(), report.getParent().resolve("report.html"));
  }
}

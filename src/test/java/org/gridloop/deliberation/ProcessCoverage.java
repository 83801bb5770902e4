package org.gridloop.deliberation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.spring.boot.starter.event.ExecutionEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Process test coverage of one model, measured on the shared engine without changing it:
 * <ul>
 *   <li>flow nodes: the engine's history (historic activity instances of the process instances the
 *       tests ran; a multi-instance body counts for its activity);
 *   <li>sequence flows: the engine's execution events, which the Camunda Spring Boot starter
 *       publishes as Spring events (an {@link ExecutionEvent} named {@code take} for every sequence
 *       flow taken). This listener is added to the running application context for the test class
 *       and removed after it, so the one context all integration tests share stays as it is.
 * </ul>
 * The report goes to {@code target/process-coverage/<process>.md} and {@code .json}.
 */
final class ProcessCoverage implements ApplicationListener<ApplicationEvent> {

  /** What a run covered. */
  record Report(String processKey, Set<String> nodes, Set<String> coveredNodes, Set<String> flows,
      Set<String> coveredFlows, int instances) {

    Set<String> missedNodes() {
      Set<String> missed = new TreeSet<>(nodes);
      missed.removeAll(coveredNodes);
      return missed;
    }

    Set<String> missedFlows() {
      Set<String> missed = new TreeSet<>(flows);
      missed.removeAll(coveredFlows);
      return missed;
    }

    double percent() {
      int all = nodes.size() + flows.size();
      return all == 0 ? 100.0 : 100.0 * (coveredNodes.size() + coveredFlows.size()) / all;
    }
  }

  private final String processKey;
  private final Set<String> takenFlows = ConcurrentHashMap.newKeySet();
  private final Set<String> instances = ConcurrentHashMap.newKeySet();

  ProcessCoverage(String processKey) {
    this.processKey = processKey;
  }

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof ExecutionEvent e
        && e.getProcessDefinitionId() != null && e.getProcessDefinitionId().startsWith(processKey + ":")) {
      instances.add(e.getProcessInstanceId());
      if ("take".equals(e.getEventName()) && e.getCurrentTransitionId() != null) {
        takenFlows.add(e.getCurrentTransitionId());
      }
    }
  }

  Report report(ProcessEngine engine) {
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult();
    BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
    Set<String> nodes = ids(model.getModelElementsByType(FlowNode.class));
    Set<String> flows = ids(model.getModelElementsByType(SequenceFlow.class));
    Set<String> coveredNodes = new TreeSet<>();
    for (String instance : instances) {
      engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance).list().stream()
          .map(HistoricActivityInstance::getActivityId)
          .map(id -> id.replace("#multiInstanceBody", ""))
          .filter(nodes::contains)
          .forEach(coveredNodes::add);
    }
    Set<String> coveredFlows = new TreeSet<>(takenFlows);
    coveredFlows.retainAll(flows);
    return new Report(processKey, nodes, coveredNodes, flows, coveredFlows, instances.size());
  }

  Path write(Report report) {
    Path folder = Path.of("target", "process-coverage");
    try {
      Files.createDirectories(folder);
      StringBuilder md = new StringBuilder();
      md.append("# Process test coverage: ").append(report.processKey()).append("\n\n")
          .append(String.format("%.1f %% of flow nodes and sequence flows (%d process instances)%n%n",
              report.percent(), report.instances()))
          .append("| | covered | total |\n| --- | --- | --- |\n")
          .append("| flow nodes | ").append(report.coveredNodes().size()).append(" | ")
          .append(report.nodes().size()).append(" |\n")
          .append("| sequence flows | ").append(report.coveredFlows().size()).append(" | ")
          .append(report.flows().size()).append(" |\n\n")
          .append("Nodes from the engine's history (historic activity instances); sequence flows from the ")
          .append("engine's `take` execution events.\n\n")
          .append("## Missed flow nodes\n\n").append(list(report.missedNodes()))
          .append("\n## Missed sequence flows\n\n").append(list(report.missedFlows()))
          .append("\n## Covered flow nodes\n\n").append(list(report.coveredNodes()))
          .append("\n## Covered sequence flows\n\n").append(list(report.coveredFlows()));
      Files.writeString(folder.resolve(report.processKey() + ".md"), md, StandardCharsets.UTF_8);
      String json = "{\"process\":\"" + report.processKey() + "\",\"percent\":"
          + String.format(java.util.Locale.ROOT, "%.1f", report.percent())
          + ",\"nodes\":{\"total\":" + report.nodes().size() + ",\"covered\":" + jsonList(report.coveredNodes())
          + ",\"missed\":" + jsonList(report.missedNodes()) + "},\"sequenceFlows\":{\"total\":"
          + report.flows().size() + ",\"covered\":" + jsonList(report.coveredFlows()) + ",\"missed\":"
          + jsonList(report.missedFlows()) + "}}\n";
      Files.writeString(folder.resolve(report.processKey() + ".json"), json, StandardCharsets.UTF_8);
      return folder.resolve(report.processKey() + ".md");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> ids(Collection<? extends BaseElement> elements) {
    return elements.stream().map(BaseElement::getId).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String list(Set<String> ids) {
    return ids.isEmpty() ? "none\n" : ids.stream().map(id -> "- `" + id + "`").collect(Collectors.joining("\n")) + "\n";
  }

  private static String jsonList(Set<String> ids) {
    return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
  }
}

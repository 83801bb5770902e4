package org.gridloop.privacy;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * The steps whose holder may read the reporter's contact data: user tasks that carry the
 * property {@value #PROPERTY} = {@code true} in the model (the grid-call's call-back), so a process
 * owner decides in Modeler, and Java keys nothing on element ids. Read once per deployed version.
 */
@Component
public class ReporterContactSteps {

  public static final String PROPERTY = "showsReporterContact";

  private final RepositoryService repository;
  private final Map<String, Set<String>> byDefinition = new ConcurrentHashMap<>();

  public ReporterContactSteps(RepositoryService repository) {
    this.repository = repository;
  }

  public boolean showsContact(String processDefinitionId, String taskDefinitionKey) {
    if (processDefinitionId == null || taskDefinitionKey == null) {
      return false;
    }
    return byDefinition.computeIfAbsent(processDefinitionId, id -> steps(repository.getBpmnModelInstance(id)))
        .contains(taskDefinitionKey);
  }

  /** The ids of the user tasks of a model that show the reporter's contact. */
  public static Set<String> steps(BpmnModelInstance model) {
    return model.getModelElementsByType(UserTask.class).stream()
        .filter(ReporterContactSteps::showsContact)
        .map(UserTask::getId)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static boolean showsContact(UserTask task) {
    if (task.getExtensionElements() == null) {
      return false;
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .anyMatch(ReporterContactSteps::isContactProperty);
  }

  private static boolean isContactProperty(CamundaProperty property) {
    return PROPERTY.equals(property.getCamundaName()) && "true".equalsIgnoreCase(property.getCamundaValue());
  }
}

package org.gridloop.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.xml.ProblemImpl;

/**
 * Checks every new deployment before the engine parses it, whoever sends it: Camunda Modeler, the
 * REST API, the startup deployment of bpmn/, a test. Process owners are trusted with flows, not
 * with code, so a file holding code ({@link BpmnModelCheck}, {@link DecisionTableCheck},
 * {@link FormFileCheck}) or of a kind that is neither a model, a decision nor a form refuses the
 * whole deployment with a {@link ParseException} naming each element and reason (400 through REST).
 * Deployments already in the database are not checked again when the engine reloads them.
 */
public class DeploymentPolicy implements Deployer {

  private final BpmnModelCheck bpmn;
  private final DecisionTableCheck dmn = new DecisionTableCheck();
  private final FormFileCheck forms = new FormFileCheck();

  public DeploymentPolicy(ExpressionRules expressions) {
    this.bpmn = new BpmnModelCheck(expressions);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    List<ModelProblem> problems = new ArrayList<>();
    deployment.getResources().values().forEach(resource -> problems.addAll(check(resource)));
    if (!problems.isEmpty()) {
      throw refusal(problems);
    }
  }

  /** The problems of one file, by its name and content. */
  public List<ModelProblem> check(String name, byte[] bytes) {
    String lower = name.toLowerCase(Locale.ROOT);
    try {
      if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
        return bpmn.check(name, SafeXml.parse(bytes));
      }
      if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
        return dmn.check(name, SafeXml.parse(bytes));
      }
    } catch (Exception e) {
      return List.of(new ModelProblem(name, "file", "not a well-formed model (no DOCTYPE or entities allowed): "
          + e.getMessage()));
    }
    if (lower.endsWith(".form")) {
      return forms.check(name, bytes);
    }
    return List.of(new ModelProblem(name, "file", "only .bpmn, .dmn and .form files can be deployed"));
  }

  private List<ModelProblem> check(ResourceEntity resource) {
    return check(resource.getName(), resource.getBytes() == null ? new byte[0] : resource.getBytes());
  }

  private static ParseException refusal(List<ModelProblem> problems) {
    Map<String, List<Problem>> byResource = new LinkedHashMap<>();
    for (ModelProblem problem : problems) {
      String id = elementId(problem.element());
      byResource.computeIfAbsent(problem.resource(), r -> new ArrayList<>()).add(id == null
          ? new ProblemImpl(problem.element() + ": " + problem.reason(), null)
          : new ProblemImpl(problem.element() + ": " + problem.reason(), null, id));
    }
    String message = "GridLoop refuses this deployment: " + String.join("; ",
        problems.stream().map(ModelProblem::toString).toList());
    Map.Entry<String, List<Problem>> first = byResource.entrySet().iterator().next();
    return new ParseException(message, first.getKey(), first.getValue(), List.of());
  }

  /** {@code serviceTask 'notify-x' > expression} → {@code notify-x}. */
  private static String elementId(String element) {
    int open = element.indexOf('\'');
    int close = open < 0 ? -1 : element.indexOf('\'', open + 1);
    return close > open ? element.substring(open + 1, close) : null;
  }
}

package org.gridloop.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * The rows of a deployed decision table, latest version, as plain text: what GridLoop offers to
 * choose from (case categories, matter types) comes from the same table the rules use, so a row a
 * process owner adds in Modeler is offered as soon as it is deployed. Read once per deployed version.
 */
@Component
public class DeployedDecisionTables {

  /**
   * One rule: its input entries as written (a literal, a list, a range…), its outputs by name with
   * string literals unquoted, and the rule's description (annotation) or null.
   */
  public record Row(List<String> inputs, Map<String, String> outputs, String description) {}

  private record Cached(String definitionId, List<Row> rows) {}

  private final RepositoryService repository;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public DeployedDecisionTables(RepositoryService repository) {
    this.repository = repository;
  }

  /** The rows of the latest deployed version of the decision; empty when it is not deployed. */
  public List<Row> rows(String decisionKey) {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(decisionKey).latestVersion().singleResult();
    if (definition == null) {
      return List.of();
    }
    Cached cached = cache.get(decisionKey);
    if (cached == null || !cached.definitionId().equals(definition.getId())) {
      cached = new Cached(definition.getId(), read(repository.getDmnModelInstance(definition.getId()), decisionKey));
      cache.put(decisionKey, cached);
    }
    return cached.rows();
  }

  public static List<Row> read(DmnModelInstance model, String decisionKey) {
    Decision decision = model.getModelElementById(decisionKey);
    DecisionTable table = (DecisionTable) decision.getExpression();
    List<String> outputNames = table.getOutputs().stream().map(Output::getName).toList();
    List<Row> rows = new ArrayList<>();
    for (Rule rule : table.getRules()) {
      List<String> inputs = rule.getInputEntries().stream().map(InputEntry::getTextContent).map(String::trim).toList();
      Map<String, String> outputs = new LinkedHashMap<>();
      List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
      for (int i = 0; i < entries.size() && i < outputNames.size(); i++) {
        outputs.put(outputNames.get(i), unquote(entries.get(i).getTextContent()));
      }
      String description = rule.getDescription() == null ? null : rule.getDescription().getTextContent().strip();
      rows.add(new Row(inputs, outputs, description));
    }
    return List.copyOf(rows);
  }

  /** {@code "street-light"} → {@code street-light}; anything else trimmed as it is. */
  public static String unquote(String text) {
    String trimmed = text == null ? "" : text.trim();
    if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
      return trimmed.substring(1, trimmed.length() - 1);
    }
    return trimmed;
  }
}

package org.gridloop.deliberation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
* The matter types a topic may have: the rules of the deployed {@code vote-rules} decision
* (bpmn/vote-rules.dmn), read from its latest version, so a matter type a process owner adds in
* Modeler is accepted as soon as it is deployed and one they remove is refused. A rule's input
* entry is a string literal or a comma-separated list of them.
*/
@Component
public class MatterTypes {

  public static final String DECISION = "vote-rules";

  /** One matter type with the rule that decides it. */
  public record MatterType(String code, String description, String ruleName, String basis) {
  }

  private final RepositoryService repository;
  private volatile String cachedDefinitionId;
  private volatile Map<String, MatterType> cached = Map.of();

  public MatterTypes(RepositoryService repository) {
    this.repository = repository;
  }

  public List<MatterType> all() {
    return new ArrayList<>(current().values());
  }

  public Optional<MatterType> find(String code) {
    return Optional.ofNullable(code == null ? null : current().get(code));
  }

  private Map<String, MatterType> current() {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(DECISION).latestVersion().singleResult();
    if (definition == null) {
      return Map.of();
    }
    if (!definition.getId().equals(cachedDefinitionId)) {
      cached = read(repository.getDmnModelInstance(definition.getId()));
      cachedDefinitionId = definition.getId();
    }
    return cached;
  }

  static Map<String, MatterType> read(DmnModelInstance model) {
    Decision decision = model.getModelElementById(DECISION);
    DecisionTable table = (DecisionTable) decision.getExpression();
    List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
    Map<String, MatterType> types = new LinkedHashMap<>();
    for (Rule rule : table.getRules()) {
      Map<String, String> values = new LinkedHashMap<>();
      List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
      for (int i = 0; i < entries.size() && i < outputs.size(); i++) {
        values.put(outputs.get(i), unquote(entries.get(i).getTextContent()));
      }
      String description = rule.getDescription() == null ? null : rule.getDescription().getTextContent().strip();
      String input = rule.getInputEntries().iterator().next().getTextContent();
      for (String code : input.split(",")) {
        String literal = unquote(code);
        if (!literal.isEmpty() && !literal.equals("-")) {
          types.putIfAbsent(literal, new MatterType(literal, description, values.get("ruleName"),
              values.get("basis")));
        }
      }
    }
    return types;
  }

  private static String unquote(String text) {
    String trimmed = text == null ? "" : text.trim();
    if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
      return trimmed.substring(1, trimmed.length() - 1);
    }
    return trimmed;
  }
}

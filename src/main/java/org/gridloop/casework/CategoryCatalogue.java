package org.gridloop.casework;

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
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * The case categories, read from the deployed {@code case-category} decision of case-routing.dmn:
 * the same table the routing uses, so a category a process owner adds in Modeler is offered to
 * residents as soon as it is deployed.
 */
@Component
public class CategoryCatalogue {

  public static final String DECISION = "case-category";

  /** One row of the decision table. */
  public record Category(String code, String nameZh, String nameEn, String group, String groupNameZh,
      String groupNameEn, List<String> departments, boolean complex) {}

  private final RepositoryService repository;
  private volatile String cachedDefinitionId;
  private volatile Map<String, Category> cached = Map.of();

  public CategoryCatalogue(RepositoryService repository) {
    this.repository = repository;
  }

  public List<Category> all() {
    return new ArrayList<>(current().values());
  }

  public Optional<Category> find(String code) {
    return Optional.ofNullable(code == null ? null : current().get(code));
  }

  private Map<String, Category> current() {
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

  static Map<String, Category> read(DmnModelInstance model) {
    Decision decision = model.getModelElementById(DECISION);
    DecisionTable table = (DecisionTable) decision.getExpression();
    List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
    Map<String, Category> categories = new LinkedHashMap<>();
    for (Rule rule : table.getRules()) {
      String code = literal(rule.getInputEntries().iterator().next());
      Map<String, String> values = new LinkedHashMap<>();
      List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
      for (int i = 0; i < entries.size() && i < outputs.size(); i++) {
        values.put(outputs.get(i), unquote(entries.get(i).getTextContent()));
      }
      List<String> departments = new CaseVariables().list(values.getOrDefault("departments", ""));
      categories.put(code, new Category(code, values.get("categoryNameZh"), values.get("categoryNameEn"),
          values.get("categoryGroup"), values.get("categoryGroupNameZh"), values.get("categoryGroupNameEn"),
          departments, Boolean.parseBoolean(values.getOrDefault("complex", "false"))));
    }
    return categories;
  }

  private static String literal(InputEntry entry) {
    return unquote(entry.getTextContent());
  }

  private static String unquote(String text) {
    String trimmed = text == null ? "" : text.trim();
    if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
      return trimmed.substring(1, trimmed.length() - 1);
    }
    return trimmed;
  }
}

package org.gridloop.deliberation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridloop.system.DeployedDecisionTables;
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

  private final DeployedDecisionTables tables;

  public MatterTypes(DeployedDecisionTables tables) {
    this.tables = tables;
  }

  public List<MatterType> all() {
    return List.copyOf(byCode(tables.rows(DECISION)).values());
  }

  public Optional<MatterType> find(String code) {
    return Optional.ofNullable(code == null ? null : byCode(tables.rows(DECISION)).get(code));
  }

  static Map<String, MatterType> byCode(List<DeployedDecisionTables.Row> rows) {
    Map<String, MatterType> types = new LinkedHashMap<>();
    for (DeployedDecisionTables.Row row : rows) {
      for (String code : row.inputs().get(0).split(",")) {
        String literal = DeployedDecisionTables.unquote(code);
        if (!literal.isEmpty() && !literal.equals("-")) {
          types.putIfAbsent(literal, new MatterType(literal, row.description(), row.outputs().get("ruleName"),
              row.outputs().get("basis")));
        }
      }
    }
    return types;
  }
}

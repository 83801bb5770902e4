package org.gridloop.casework;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridloop.system.DeployedDecisionTables;
import org.springframework.stereotype.Component;

/**
 * The case categories, read from the deployed {@code case-category} decision of case-routing.dmn:
 * the same table the routing uses, so a category a process owner adds in Modeler is offered to
 * residents as soon as it is deployed.
 */
@Component
public class CategoryCatalogue {

  public static final String DECISION = "case-category";

  /**
   * One row of the decision table. {@code sensitive}: the category is about a person (care needs,
   * disputes), so public views show no more than its group, status and dates.
   */
  public record Category(String code, String nameZh, String nameEn, String group, String groupNameZh,
      String groupNameEn, List<String> departments, boolean complex, boolean sensitive) {}

  private final DeployedDecisionTables tables;
  private final CaseVariables caseVars;

  public CategoryCatalogue(DeployedDecisionTables tables, CaseVariables caseVars) {
    this.tables = tables;
    this.caseVars = caseVars;
  }

  public List<Category> all() {
    return tables.rows(DECISION).stream().map(this::category).toList();
  }

  public Optional<Category> find(String code) {
    return all().stream().filter(c -> c.code().equals(code)).findFirst();
  }

  private Category category(DeployedDecisionTables.Row row) {
    Map<String, String> out = row.outputs();
    return new Category(DeployedDecisionTables.unquote(row.inputs().get(0)), out.get("categoryNameZh"), out.get("categoryNameEn"),
        out.get("categoryGroup"), out.get("categoryGroupNameZh"), out.get("categoryGroupNameEn"),
        caseVars.list(out.getOrDefault("departments", "")), Boolean.parseBoolean(out.getOrDefault("complex", "false")),
        // Only an explicit false makes a category public: a row without the column stays private.
        !"false".equals(out.get("sensitive")));
  }
}

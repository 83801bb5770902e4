package org.gridloop.deliberation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 难事共办: the implementation plan of a passed topic, as the process carries it.
 *
 * <h2>Representation</h2>
 * The task {@code plan-implementation} submits {@code plan}, a JSON array (from the form's
 * dynamic list, a Spin JSON variable) of items {@code {title, responsibleParty, departmentCode,
 * description}}. {@link #planItems(Object)} turns it into {@code planItems}: a
 * {@code List<Map<String, Object>>}, stored as an object variable in JSON format, one map per
 * item with {@code itemNumber} (1, 2, …) and {@code needsDepartment} added, and the optional
 * {@code category} (the grid-call case category of a department item's linked case) kept. Plain Java maps
 * and lists keep the model's expressions plain: the multi-instance collection is
 * {@code ${planItems}} (a Spin JSON array is no {@link Collection}) and the gateway reads
 * {@code ${planItem.needsDepartment}} (a Spin JSON node would need
 * {@code ${planItem.prop("needsDepartment").boolValue()}}).
 *
 * <h2>Item results</h2>
 * {@link #itemResult} makes the record of one carried-out item for {@code itemResults}: what was
 * done and, for the public board (成事共享), the spending (amount, payee, purpose, date).
 */
public final class ImplementationPlan {

  /** Who carries out a plan item. */
  public enum ResponsibleParty {
    PROPERTY_COMPANY("propertyCompany"),
    COURTYARD_COMMITTEE("courtyardCommittee"),
    RESIDENTS_COMMITTEE("residentsCommittee"),
    DEPARTMENT("department");

    private final String code;

    ResponsibleParty(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    static ResponsibleParty parse(String code, String where) {
      for (ResponsibleParty party : values()) {
        if (party.code.equals(code)) {
          return party;
        }
      }
      throw new IllegalArgumentException(where + ": responsibleParty '" + code
          + "' is not one of propertyCompany, courtyardCommittee, residentsCommittee, department");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private ImplementationPlan() {
  }

  /**
   * Checks and normalises the submitted plan.
   *
   * @param plan a JSON array as text (or any object whose {@code toString()} is one, such as a
   *             Spin JSON node), or a collection of maps
   * @return one map per item: itemNumber, title, responsibleParty, departmentCode and category
   *         (only for department items, else null), description, needsDepartment
   * @throws IllegalArgumentException naming the item and the field if the plan is empty or an
   *                                  item is incomplete
   */
  static final int MAX_ITEMS = 50;

  private static void atMost(String where, String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw new IllegalArgumentException(where + ": " + field + " is longer than " + max + " characters / 超过 " + max + " 字");
    }
  }

  public static List<Map<String, Object>> planItems(Object plan) {
    List<?> raw = asList(plan);
    if (raw.isEmpty()) {
      throw new IllegalArgumentException("实施计划至少需要一项 The plan needs at least one item");
    }
    if (raw.size() > MAX_ITEMS) {
      throw new IllegalArgumentException("实施计划最多 " + MAX_ITEMS + " 项 The plan has at most " + MAX_ITEMS + " items");
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String where = "plan item " + (i + 1);
      if (!(raw.get(i) instanceof Map<?, ?> entry)) {
        throw new IllegalArgumentException(where + ": not an object");
      }
      String title = text(entry.get("title"));
      if (title == null) {
        throw new IllegalArgumentException(where + ": title is required / 事项名称必填");
      }
      // The limits of gl_topic_item, checked here so the council sees them when completing the task.
      atMost(where, "title", title, 200);
      atMost(where, "description", text(entry.get("description")), 4000);
      atMost(where, "departmentCode", text(entry.get("departmentCode")), 64);
      ResponsibleParty party = ResponsibleParty.parse(text(entry.get("responsibleParty")), where);
      String departmentCode = text(entry.get("departmentCode"));
      boolean needsDepartment = party == ResponsibleParty.DEPARTMENT;
      if (needsDepartment && departmentCode == null) {
        throw new IllegalArgumentException(where + " (" + title
            + "): departmentCode is required for a department item / 部门事项须填写部门代码");
      }
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("itemNumber", i + 1);
      item.put("title", title);
      item.put("responsibleParty", party.code());
      item.put("departmentCode", needsDepartment ? departmentCode : null);
      item.put("description", text(entry.get("description")));
      item.put("category", needsDepartment ? text(entry.get("category")) : null);
      item.put("needsDepartment", needsDepartment);
      items.add(item);
    }
    return items;
  }

  /**
   * The record of one item once carried out, for the process variable {@code itemResults}.
   *
   * @param planItem          the item from {@link #planItems(Object)}
   * @param outcome           what was done (carry-out-item), or null for a linked case
   * @param spentAmount       yuan spent, a decimal as text or number with at most two decimals, or null
   * @param payee             who was paid, or null
   * @param purpose           what the money paid for, or null
   * @param date              when it was spent or done (ISO date or date-time text), or null
   * @param linkedCaseNumber  the grid-call case of a department item, or null
   * @param linkedCaseOutcome how that case closed, or null
   */
  public static Map<String, Object> itemResult(Map<String, ?> planItem, Object outcome, Object spentAmount,
      Object payee, Object purpose, Object date, Object linkedCaseNumber, Object linkedCaseOutcome) {
    if (planItem == null) {
      throw new IllegalArgumentException("no planItem to record a result for");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("itemNumber", planItem.get("itemNumber"));
    result.put("title", planItem.get("title"));
    result.put("responsibleParty", planItem.get("responsibleParty"));
    result.put("departmentCode", planItem.get("departmentCode"));
    result.put("linkedCaseNumber", text(linkedCaseNumber));
    result.put("linkedCaseOutcome", text(linkedCaseOutcome));
    result.put("outcome", text(outcome));
    result.put("spentAmount", amount(spentAmount, planItem.get("itemNumber")));
    result.put("payee", text(payee));
    result.put("purpose", text(purpose));
    result.put("date", text(date));
    return result;
  }

  /** The list with the result added and sorted by item number; the input is not changed. */
  public static List<Map<String, Object>> withResult(Collection<? extends Map<String, ?>> results, Map<String, Object> result) {
    List<Map<String, Object>> all = new ArrayList<>();
    if (results != null) {
      results.forEach(r -> all.add(new LinkedHashMap<>(r)));
    }
    all.removeIf(r -> r.get("itemNumber") != null && r.get("itemNumber").equals(result.get("itemNumber")));
    all.add(result);
    all.sort((a, b) -> Integer.compare(number(a.get("itemNumber")), number(b.get("itemNumber"))));
    return all;
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
  }

  private static String amount(Object value, Object itemNumber) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    try {
      BigDecimal amount = value instanceof BigDecimal d ? d : new BigDecimal(value.toString().trim());
      if (amount.signum() < 0) {
        throw new IllegalArgumentException("plan item " + itemNumber + ": spentAmount must not be negative, was " + value);
      }
      return amount.setScale(2).toPlainString();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("plan item " + itemNumber
          + ": spentAmount must be an amount in yuan with at most two decimals, was " + value, e);
    }
  }

  private static List<?> asList(Object plan) {
    if (plan == null) {
      throw new IllegalArgumentException("实施计划缺失 No plan was submitted (variable plan)");
    }
    if (plan instanceof Collection<?> collection) {
      return new ArrayList<>(collection);
    }
    String json = plan.toString().trim();
    try {
      Object parsed = JSON.readValue(json, Object.class);
      if (parsed instanceof List<?> list) {
        return list;
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the plan is not valid JSON: " + e.getOriginalMessage(), e);
    }
    throw new IllegalArgumentException("the plan must be a JSON array of items");
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }
}

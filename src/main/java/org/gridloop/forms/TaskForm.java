package org.gridloop.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Camunda Form (form-js JSON) as the server reads it: which fields a user may set, under which
 * condition each is shown, and the rules each value must follow. Only what the submission check
 * needs; display components are kept as nothing.
 */
public record TaskForm(List<Field> fields) {

  /** The form components that hold data. */
  static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "checkbox", "checklist", "radio",
      "select", "datetime", "taglist");

  /**
   * One component that holds or groups data.
   *
   * @param key the variable (or item field) it sets; for a group or list, its {@code path} (null for a plain group)
   * @param settable false for {@code disabled} and {@code readonly} fields: shown, never set by the user
   * @param hide the FEEL condition (without its leading {@code =}) under which it is hidden, or null
   * @param options the values a choice may take when the form lists them, else null
   * @param optionsKey the variable holding the choices ({@code valuesKey}), else null
   * @param refersTo the custom property {@code refersTo} (Modeler: Custom properties): the value must
   *     name an existing thing of this kind (department, grid, street, community, council, category),
   *     else null
   */
  public record Field(String type, String key, String label, boolean settable, String hide, Rules rules,
      Set<String> options, String optionsKey, String refersTo, String subtype, Integer decimalDigits,
      List<Field> children) {

    boolean isInput() {
      return INPUTS.contains(type);
    }

    boolean isList() {
      return "dynamiclist".equals(type);
    }

    boolean isGroup() {
      return "group".equals(type);
    }
  }

  /** The {@code validate} block of a field. */
  public record Rules(boolean required, Integer minLength, Integer maxLength, String pattern, BigDecimal min,
      BigDecimal max, String validationType) {

    static final Rules NONE = new Rules(false, null, null, null, null, null, null);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  public static TaskForm parse(byte[] json) {
    try {
      return new TaskForm(fields(JSON.readTree(json).path("components")));
    } catch (IOException e) {
      throw new IllegalArgumentException("Not a Camunda Form: " + e.getMessage(), e);
    }
  }

  /** The variables the form can set: every top-level key and list path of a settable field. */
  public Set<String> settableVariables() {
    Set<String> names = new LinkedHashSet<>();
    collect(fields, names, true);
    return names;
  }

  /** Every top-level key the form shows or sets (display fields included). */
  public Set<String> knownVariables() {
    Set<String> names = new LinkedHashSet<>();
    collect(fields, names, false);
    return names;
  }

  private static void collect(List<Field> fields, Set<String> names, boolean settableOnly) {
    for (Field field : fields) {
      if (field.isGroup() && field.key() == null) {
        collect(field.children(), names, settableOnly);
      } else if (field.key() != null && (!settableOnly || field.settable())) {
        names.add(field.key());
      }
    }
  }

  private static List<Field> fields(JsonNode components) {
    List<Field> fields = new ArrayList<>();
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      boolean container = "group".equals(type) || "dynamiclist".equals(type);
      if (!container && !INPUTS.contains(type)) {
        continue;
      }
      String key = container ? text(component, "path") : text(component, "key");
      boolean settable = !component.path("disabled").asBoolean(false) && !component.path("readonly").asBoolean(false);
      String hide = text(component.path("conditional"), "hide");
      if (hide != null) {
        hide = hide.startsWith("=") ? hide.substring(1) : hide;
      }
      Set<String> options = null;
      if (component.path("values").isArray()) {
        options = new LinkedHashSet<>();
        for (JsonNode value : component.path("values")) {
          options.add(value.path("value").asText());
        }
      }
      JsonNode validate = component.path("validate");
      Rules rules = validate.isObject() ? new Rules(validate.path("required").asBoolean(false),
          integer(validate, "minLength"), integer(validate, "maxLength"), text(validate, "pattern"),
          decimal(validate, "min"), decimal(validate, "max"), text(validate, "validationType")) : Rules.NONE;
      fields.add(new Field(type, key, text(component, "label"), settable, hide, rules, options,
          text(component, "valuesKey"), text(component.path("properties"), "refersTo"),
          text(component, "subtype"), integer(component, "decimalDigits"),
          container ? fields(component.path("components")) : List.of()));
    }
    return List.copyOf(fields);
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.path(name);
    return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
  }

  private static Integer integer(JsonNode node, String name) {
    JsonNode value = node.path(name);
    if (value.isNumber()) {
      return value.intValue();
    }
    return value.isTextual() && value.asText().matches("\\d+") ? Integer.valueOf(value.asText()) : null;
  }

  private static BigDecimal decimal(JsonNode node, String name) {
    JsonNode value = node.path(name);
    if (value.isNumber()) {
      return value.decimalValue();
    }
    try {
      return value.isTextual() ? new BigDecimal(value.asText()) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

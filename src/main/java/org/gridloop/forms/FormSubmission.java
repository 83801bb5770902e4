package org.gridloop.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.gridloop.forms.TaskForm.Field;
import org.gridloop.forms.TaskForm.Rules;

/**
 * Checks what a user submits to complete a task against the task's form, with the form's own rules
 * as Tasklist applies them in the browser, on the server: only the fields the form lets the user
 * set are accepted; a field hidden by its condition, or shown read-only, is dropped (Tasklist
 * sends read-only fields back); every other name is refused. Each accepted value must be of its
 * field's type and follow its {@code validate} rules (required, lengths, pattern, bounds), be one of
 * the field's choices, and, when the field says so, name a unit of the organisation.
 */
public final class FormSubmission {

  /** Evaluates a form condition (FEEL) against the form's data. */
  public interface Conditions {
    Object evaluate(String feel, Map<String, Object> data);
  }

  /** Whether a thing of this kind (department, grid, street, community, council, category) exists. */
  public interface Directory {
    boolean exists(String kind, String id);
  }

  /** One refused field, named as the client sent it ({@code plan[1].departmentCode}). */
  public record Problem(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  /** The variables to set (plain values; lists of items rebuilt without their hidden fields), or the problems. */
  public record Result(Map<String, Object> accepted, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()-]{4,}$");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");

  private final Conditions conditions;
  private final Directory directory;

  public FormSubmission(Conditions conditions, Directory directory) {
    this.conditions = conditions;
    this.directory = directory;
  }

  /**
   * @param submitted what the client sent, as plain values (strings, numbers, booleans, lists, maps)
   * @param current the task's variables now, as plain values: what the form shows and its conditions read
   */
  public Result check(TaskForm form, Map<String, Object> submitted, Map<String, Object> current) {
    List<Problem> problems = new ArrayList<>();
    Set<String> known = form.knownVariables();
    for (String name : submitted.keySet()) {
      if (!known.contains(name)) {
        problems.add(new Problem(name, "is not a field of this task's form"));
      }
    }
    Map<String, Object> data = new HashMap<>(current);
    data.putAll(submitted);
    Map<String, Object> accepted = new LinkedHashMap<>();
    visit(form.fields(), submitted, current, data, "", false, accepted, problems);
    return new Result(accepted, List.copyOf(problems));
  }

  private void visit(List<Field> fields, Map<String, Object> submitted, Map<String, Object> current,
      Map<String, Object> data, String prefix, boolean parentHidden, Map<String, Object> accepted,
      List<Problem> problems) {
    for (Field field : fields) {
      boolean hidden = parentHidden || (field.hide() != null && Boolean.TRUE.equals(evaluate(field.hide(), data)));
      if (field.isGroup() && field.key() == null) {
        visit(field.children(), submitted, current, data, prefix, hidden, accepted, problems);
      } else if (field.isGroup() || field.isList()) {
        if (!hidden && field.settable() && submitted.containsKey(field.key())) {
          Object items = items(field, submitted.get(field.key()), data, prefix + field.key(), problems);
          accepted.put(field.key(), items);
        }
      } else if (field.isInput() && !hidden && field.settable()) {
        // Judged on what was sent, as the form sends every field it shows (prefilled ones too): a value
        // left from an earlier round does not answer a required field now.
        Object value = submitted.get(field.key());
        check(field, value, prefix + field.key(), data, problems);
        if (submitted.containsKey(field.key())) {
          accepted.put(field.key(), value);
        }
      }
    }
  }

  /** A dynamic list (a list of items) or a group with a path (one item): each item checked in its own scope. */
  private Object items(Field field, Object value, Map<String, Object> outer, String name, List<Problem> problems) {
    if (field.isGroup()) {
      if (!(value instanceof Map<?, ?> item)) {
        problems.add(new Problem(name, "must be an object"));
        return null;
      }
      return item(field, asStringMap(item), outer, name, problems);
    }
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?> list)) {
      problems.add(new Problem(name, "must be a list"));
      return null;
    }
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof Map<?, ?> item) {
        items.add(item(field, asStringMap(item), outer, name + "[" + i + "]", problems));
      } else {
        problems.add(new Problem(name + "[" + i + "]", "must be an object"));
      }
    }
    return items;
  }

  private Map<String, Object> item(Field field, Map<String, Object> item, Map<String, Object> outer, String name,
      List<Problem> problems) {
    Set<String> known = new TaskForm(field.children()).knownVariables();
    for (String key : item.keySet()) {
      if (!known.contains(key)) {
        problems.add(new Problem(name + "." + key, "is not a field of this form"));
      }
    }
    // Inside a list, conditions see the item's own fields first, then the form's data; as in
    // form-js, `this` is the item and `parent` the data around it.
    Map<String, Object> scope = new HashMap<>(outer);
    scope.putAll(item);
    scope.put("this", item);
    scope.put("parent", outer);
    Map<String, Object> accepted = new LinkedHashMap<>();
    visit(field.children(), item, Map.of(), scope, name + ".", false, accepted, problems);
    return accepted;
  }

  private void check(Field field, Object value, String name, Map<String, Object> data, List<Problem> problems) {
    int before = problems.size();
    switch (field.type()) {
      case "number" -> number(field, value, name, problems);
      case "checkbox" -> {
        if (value != null && !(value instanceof Boolean)) {
          problems.add(new Problem(name, "must be true or false"));
        } else if (field.rules().required() && !Boolean.TRUE.equals(value)) {
          problems.add(new Problem(name, "must be checked"));
        }
      }
      case "checklist", "taglist" -> choices(field, value, name, data, problems);
      case "radio", "select" -> {
        if (!isEmpty(value)) {
          choice(field, value, name, data, problems);
        } else if (field.rules().required()) {
          problems.add(new Problem(name, "is required"));
        }
      }
      default -> text(field, value, name, problems);
    }
    if (problems.size() == before && field.refersTo() != null && !isEmpty(value)) {
      for (Object id : value instanceof Collection<?> many ? many : List.of(value)) {
        if (!directory.exists(field.refersTo(), String.valueOf(id))) {
          problems.add(new Problem(name, "unknown " + field.refersTo() + " '" + id + "'"));
        }
      }
    }
  }

  private static void text(Field field, Object value, String name, List<Problem> problems) {
    Rules rules = field.rules();
    if (value != null && !(value instanceof String)) {
      problems.add(new Problem(name, "must be text"));
      return;
    }
    String text = (String) value;
    if (text == null || text.isBlank()) {
      if (rules.required()) {
        problems.add(new Problem(name, "is required"));
      }
      return;
    }
    if (rules.minLength() != null && text.length() < rules.minLength()) {
      problems.add(new Problem(name, "must be at least " + rules.minLength() + " characters"));
    }
    if (rules.maxLength() != null && text.length() > rules.maxLength()) {
      problems.add(new Problem(name, "must be at most " + rules.maxLength() + " characters"));
    }
    if (rules.pattern() != null && !matches(rules.pattern(), text)) {
      problems.add(new Problem(name, "does not match " + rules.pattern()));
    }
    if ("email".equals(rules.validationType()) && !EMAIL.matcher(text).matches()) {
      problems.add(new Problem(name, "is not an e-mail address"));
    }
    if ("phone".equals(rules.validationType()) && !PHONE.matcher(text).matches()) {
      problems.add(new Problem(name, "is not a phone number"));
    }
    if ("datetime".equals(field.type()) && !isDateTime(field.subtype(), text)) {
      problems.add(new Problem(name, "is not a " + (field.subtype() == null ? "datetime" : field.subtype())
          + " in ISO-8601 form"));
    }
  }

  private static void number(Field field, Object value, String name, List<Problem> problems) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (field.rules().required()) {
        problems.add(new Problem(name, "is required"));
      }
      return;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(value instanceof Number || value instanceof String ? value.toString() : "x");
    } catch (NumberFormatException e) {
      problems.add(new Problem(name, "must be a number"));
      return;
    }
    if (field.rules().min() != null && number.compareTo(field.rules().min()) < 0) {
      problems.add(new Problem(name, "must be at least " + field.rules().min().toPlainString()));
    }
    if (field.rules().max() != null && number.compareTo(field.rules().max()) > 0) {
      problems.add(new Problem(name, "must be at most " + field.rules().max().toPlainString()));
    }
    if (field.decimalDigits() != null && number.stripTrailingZeros().scale() > field.decimalDigits()) {
      problems.add(new Problem(name, "must have at most " + field.decimalDigits() + " decimal places"));
    }
  }

  private void choices(Field field, Object value, String name, Map<String, Object> data, List<Problem> problems) {
    if (value == null) {
      if (field.rules().required()) {
        problems.add(new Problem(name, "is required: choose at least one"));
      }
      return;
    }
    if (!(value instanceof List<?> list)) {
      problems.add(new Problem(name, "must be a list of choices"));
      return;
    }
    if (list.isEmpty() && field.rules().required()) {
      problems.add(new Problem(name, "is required: choose at least one"));
    }
    for (Object item : list) {
      choice(field, item, name, data, problems);
    }
  }

  private static void choice(Field field, Object value, String name, Map<String, Object> data,
      List<Problem> problems) {
    if (value instanceof Map || value instanceof Collection) {
      problems.add(new Problem(name, "must be one of the form's choices"));
      return;
    }
    Set<String> options = field.options();
    if (options == null && field.optionsKey() != null) {
      options = optionsOf(data.get(field.optionsKey()));
    }
    if (options != null && !options.contains(String.valueOf(value))) {
      problems.add(new Problem(name, "'" + value + "' is not one of " + String.join(", ", options)));
    }
  }

  /** Choices from a variable ({@code valuesKey}): a list of values or of {label, value}; unknown means none. */
  private static Set<String> optionsOf(Object values) {
    Set<String> options = new LinkedHashSet<>();
    if (values instanceof Collection<?> list) {
      for (Object option : list) {
        options.add(option instanceof Map<?, ?> map ? String.valueOf(map.get("value")) : String.valueOf(option));
      }
    }
    return options;
  }

  private Object evaluate(String feel, Map<String, Object> data) {
    try {
      return conditions.evaluate(feel, data);
    } catch (RuntimeException e) {
      // As in the browser: a condition that cannot be evaluated does not hide its field.
      return null;
    }
  }

  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).find();
    } catch (PatternSyntaxException e) {
      return true;
    }
  }

  private static boolean isDateTime(String subtype, String text) {
    if ("date".equals(subtype)) {
      return DATE.matcher(text).matches();
    }
    if ("time".equals(subtype)) {
      return TIME.matcher(text).matches();
    }
    int t = text.indexOf('T');
    return t > 0 && DATE.matcher(text.substring(0, t)).matches() && TIME.matcher(text.substring(t + 1)).matches();
  }

  private static boolean isEmpty(Object value) {
    return value == null || (value instanceof String s && s.isBlank());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asStringMap(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }
}

package org.gridloop.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.gridloop.casework.CategoryCatalogue;
import org.gridloop.org.Organisation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a staff member may set when completing a task: the fields of the task's Camunda Form that
 * it lets them set, checked by the form's rules ({@link FormSubmission}). Runs inside the engine
 * command of the completion, with the task's form and variables read without authorization checks
 * (the engine checks the caller's right to the task itself).
 */
@Component
public class TaskSubmissions {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Organisation organisation;
  private final ObjectProvider<CategoryCatalogue> categories;
  private final Map<String, TaskForm> forms = new ConcurrentHashMap<>();

  /** @param categories lazily: the catalogue reads the deployed decisions, so it needs the engine this guards */
  public TaskSubmissions(Organisation organisation, ObjectProvider<CategoryCatalogue> categories) {
    this.organisation = organisation;
    this.categories = categories;
  }

  /**
   * The variables to set for this submission, typed as the engine stores them.
   *
   * @throws InvalidSubmission (400 through REST) naming every refused field
   */
  public Map<String, Object> accept(CommandContext context, String taskId, Map<String, Object> submitted) {
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return submitted; // the engine answers 404 itself
    }
    Map<String, Object> given = submitted == null ? Map.of() : submitted;
    String step = task.getTaskDefinitionKey();
    TaskForm form = formOf(context, taskId, step);
    if (form == null) {
      if (!given.isEmpty()) {
        throw new InvalidSubmission(step, given.keySet().stream().map(name -> name + ": the task has no form, "
            + "it takes no variables").toList(), List.copyOf(given.keySet()));
      }
      return given;
    }
    Map<String, Object> plain = new LinkedHashMap<>();
    List<FormSubmission.Problem> refusedTypes = new ArrayList<>();
    given.keySet().forEach(name -> {
      try {
        plain.put(name, plain(typed(given, name)));
      } catch (IllegalArgumentException e) {
        refusedTypes.add(new FormSubmission.Problem(name, e.getMessage()));
      }
    });
    if (!refusedTypes.isEmpty()) {
      throw invalid(step, refusedTypes);
    }
    Map<String, Object> current = new LinkedHashMap<>();
    task.getVariables().forEach((name, value) -> current.put(name, plainQuietly(value)));
    FormSubmission.Result result = new FormSubmission(feel(context), this::exists).check(form, plain, current);
    if (!result.ok()) {
      throw invalid(step, result.problems());
    }
    Map<String, Object> accepted = new LinkedHashMap<>();
    result.accepted().forEach((name, value) -> accepted.put(name,
        value instanceof Collection<?> || value instanceof Map<?, ?> ? json(value) : typed(given, name)));
    return accepted;
  }

  /** A variable as sent, without deserializing it (a VariableMap would, for an object sent serialized). */
  private static Object typed(Map<String, Object> variables, String name) {
    return variables instanceof VariableMap map ? map.getValueTyped(name) : variables.get(name);
  }

  private static InvalidSubmission invalid(String step, List<FormSubmission.Problem> problems) {
    return new InvalidSubmission(step, problems.stream().map(FormSubmission.Problem::toString).toList(),
        problems.stream().map(FormSubmission.Problem::field).distinct().toList());
  }

  private TaskForm formOf(CommandContext context, String taskId, String step) {
    byte[] bytes;
    try (InputStream in = new GetDeployedTaskFormCmd(taskId).execute(context)) {
      bytes = in.readAllBytes();
    } catch (BadUserRequestException e) {
      return null; // no form key and no form reference
    } catch (ProcessEngineException | IOException e) {
      throw new InvalidSubmission(step, List.of("the task's form cannot be read: " + e.getMessage()), List.of());
    }
    return forms.computeIfAbsent(new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
        text -> TaskForm.parse(bytes));
  }

  private boolean exists(String kind, String id) {
    return switch (kind) {
      case "department" -> organisation.department(id).isPresent();
      case "grid" -> organisation.locateGrid(id).isPresent();
      case "street" -> organisation.streets().stream().anyMatch(s -> s.id().equals(id));
      case "community" -> organisation.communities().anyMatch(c -> c.id().equals(id));
      case "council" -> organisation.councilUnits().containsKey(id);
      case "category" -> categories.getObject().find(id).isPresent();
      default -> false;
    };
  }

  private static FormSubmission.Conditions feel(CommandContext context) {
    FeelEngine feel = ((DefaultDmnEngineConfiguration) context.getProcessEngineConfiguration()
        .getDmnEngineConfiguration()).getFeelEngine();
    return (expression, data) -> feel.evaluateSimpleExpression(expression, Variables.fromMap(data).asVariableContext());
  }

  /** A submitted value as plain Java; Java objects (and files) are refused: forms send text, numbers and JSON. */
  static Object plain(Object value) {
    if (value instanceof ObjectValue) {
      throw new IllegalArgumentException("Java object values are not accepted; send JSON (type Json)");
    }
    if (value instanceof TypedValue typed) {
      String type = typed.getType() == null ? "" : typed.getType().getName();
      if (type.equals("bytes") || type.equals("file") || type.equals("xml")) {
        throw new IllegalArgumentException("values of type " + type + " are not accepted");
      }
      return plain(typed.getValue());
    }
    if (value instanceof SpinJsonNode json) {
      try {
        return JSON.readValue(json.toString(), Object.class);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("not valid JSON");
      }
    }
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number
        || value instanceof List<?> || value instanceof Map<?, ?>) {
      return value;
    }
    throw new IllegalArgumentException("values of type " + value.getClass().getSimpleName() + " are not accepted");
  }

  private static Object plainQuietly(Object value) {
    try {
      return plain(value);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }

  private static Object json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

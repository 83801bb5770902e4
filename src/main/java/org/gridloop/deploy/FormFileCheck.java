package org.gridloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a Camunda Form may hold: the components GridLoop's server checks a submission against
 * (forms/TaskForm), display components, and nothing that embeds other pages (iframe) or computes
 * submitted values in the browser (expression fields) or uploads files.
 */
final class FormFileCheck {

  static final Set<String> COMPONENTS = Set.of("text", "html", "image", "separator", "spacer", "group",
      "dynamiclist", "table", "button", "textfield", "textarea", "number", "checkbox", "checklist", "radio",
      "select", "datetime", "taglist");
  private static final ObjectMapper JSON = new ObjectMapper();

  List<ModelProblem> check(String resource, byte[] bytes) {
    List<ModelProblem> problems = new ArrayList<>();
    JsonNode form;
    try {
      form = JSON.readTree(bytes);
    } catch (Exception e) {
      problems.add(new ModelProblem(resource, "form", "not a Camunda Form (JSON): " + e.getMessage()));
      return problems;
    }
    if (form == null || !form.path("components").isArray()) {
      problems.add(new ModelProblem(resource, "form", "not a Camunda Form: no components"));
      return problems;
    }
    visit(resource, form.path("components"), problems);
    return problems;
  }

  private void visit(String resource, JsonNode components, List<ModelProblem> problems) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (!COMPONENTS.contains(type)) {
        String where = "component '" + component.path("id").asText(component.path("key").asText("?")) + "'";
        problems.add(new ModelProblem(resource, where, "form component type '" + type + "' is not allowed (allowed: "
            + String.join(", ", new java.util.TreeSet<>(COMPONENTS)) + ")"));
      }
      if (component.path("components").isArray()) {
        visit(resource, component.path("components"), problems);
      }
    }
  }
}

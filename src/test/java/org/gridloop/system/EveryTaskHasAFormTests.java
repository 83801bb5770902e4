package org.gridloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Every user task of every model in bpmn/, now and added later, has a Camunda Form deployed with
 * it: formRef with deployment binding, the file bpmn/forms/&lt;task&gt;.form holding that form id, in
 * the form-js schema Camunda 7.24's Tasklist renders, with bilingual labels and a decision to take.
 */
class EveryTaskHasAFormTests {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyUserTaskHasADeployedCamundaFormWithADecision() throws IOException {
    List<String> problems = new ArrayList<>();
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        for (UserTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)) {
          String where = model.getFileName() + " " + task.getId();
          String formRef = task.getCamundaFormRef();
          if (formRef == null || !"deployment".equals(task.getCamundaFormRefBinding())) {
            problems.add(where + ": no camunda:formRef with formRefBinding=\"deployment\"");
            continue;
          }
          Path file = Path.of("bpmn", "forms", task.getId() + ".form");
          if (!Files.exists(file)) {
            problems.add(where + ": no " + file);
            continue;
          }
          JsonNode form = json.readTree(file.toFile());
          if (!formRef.equals(form.path("id").asText())) {
            problems.add(where + ": " + file + " has id " + form.path("id").asText() + ", the task wants " + formRef);
          }
          if (form.path("schemaVersion").asInt() != 16) {
            problems.add(where + ": schemaVersion must be 16 (Tasklist 7.24 bundles form-js 1.8)");
          }
          // A decision: a required field, or a yes/no checkbox (it cannot be left unanswered).
          boolean decision = form.findParents("key").stream()
              .anyMatch(field -> !field.path("disabled").asBoolean()
                  && (field.path("validate").path("required").asBoolean() || "checkbox".equals(field.path("type").asText())));
          if (!decision) {
            problems.add(where + ": the form has no required field to decide");
          }
          form.findParents("label").forEach(field -> {
            String label = field.path("label").asText();
            if (!label.isEmpty() && !label.matches("^[\\p{IsHan}（].*[A-Za-z].*")) {
              problems.add(where + ": label '" + label + "' is not Chinese first, then English");
            }
          });
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}

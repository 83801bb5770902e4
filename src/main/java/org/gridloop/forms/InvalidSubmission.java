package org.gridloop.forms;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task submission the form does not allow, naming every refused field. A form validation error
 * to the engine, so its REST API answers 400 with the message (complete and submit-form alike).
 */
public class InvalidSubmission extends FormFieldValidationException {

  private final List<String> fields;

  public InvalidSubmission(String step, List<String> problems, List<String> fields) {
    super(fields, "Invalid submission for task '" + step + "': " + String.join("; ", problems));
    this.fields = List.copyOf(fields);
  }

  /** The refused fields, as the client named them. */
  public List<String> fields() {
    return fields;
  }
}

package org.gridloop.security;

import java.util.Map;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.VariableMap;
import org.gridloop.forms.TaskSubmissions;

/**
 * The engine's form service with GridLoop's rule for staff: a submitted task form sets only what the
 * form lets them set, checked by its rules ({@link TaskSubmissions}). Tasklist completes tasks this way.
 */
class CheckedFormService extends FormServiceImpl {

  private final TaskSubmissions submissions;

  CheckedFormService(TaskSubmissions submissions) {
    this.submissions = submissions;
  }

  @Override
  public void submitTaskForm(String taskId, Map<String, Object> properties) {
    commandExecutor.execute(context -> new SubmitTaskFormCmd(taskId, allowed(context, taskId, properties), false, false)
        .execute(context));
  }

  @Override
  public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
      boolean deserializeValues) {
    return commandExecutor.execute(context -> new SubmitTaskFormCmd(taskId, allowed(context, taskId, properties), true,
        deserializeValues).execute(context));
  }

  private Map<String, Object> allowed(CommandContext context, String taskId, Map<String, Object> properties) {
    return StaffCaller.allowedSubmission(submissions, context, taskId, properties);
  }
}

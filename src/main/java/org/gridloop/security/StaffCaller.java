package org.gridloop.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.gridloop.forms.TaskSubmissions;
import org.gridloop.org.GroupIds;

/**
 * Who a command runs for, as the engine's guards need to know it: a logged-in staff member (REST
 * API, Tasklist, Cockpit) is held to GridLoop's rules; the administrator is not, and neither is
 * GridLoop's own code, which runs without an authenticated user (delegates, jobs, the resident API).
 */
final class StaffCaller {

  private StaffCaller() {}

  /** True when a logged-in user who is not an administrator runs the command. */
  static boolean isRestricted(CommandContext context) {
    Authentication authentication = context.getAuthentication();
    return authentication != null && authentication.getUserId() != null && !isAdministrator(authentication);
  }

  /** What a submission may set: for staff, only what the task's form offers; for anyone else, all of it. */
  static Map<String, Object> allowedSubmission(TaskSubmissions submissions, CommandContext context, String taskId,
      Map<String, Object> variables) {
    if (!isRestricted(context)) {
      return variables;
    }
    return context.runWithoutAuthorization(() -> submissions.accept(context, taskId, variables));
  }

  static boolean isAdministrator(Authentication authentication) {
    List<String> groups = authentication.getGroupIds();
    return groups != null && groups.contains(GroupIds.ADMINS);
  }
}

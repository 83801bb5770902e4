package org.gridloop.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A group that gets a task may read that task's case (process instance) and its variables: what
 * Tasklist shows on the task cards (case number, address) and in the form. The engine's default
 * authorizations give the group the task only; reading all cases would be too much, so the grant
 * is made per case, when the group's first task of it is created, and removed when the case ends.
 */
@Component
class TaskGroupsReadTheirCase {

  private final AuthorizationService authorizations;

  TaskGroupsReadTheirCase(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener
  public void onTask(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getProcessInstanceId() == null) {
      return;
    }
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        // The user completing the previous task may not manage authorizations: this is the system's doing.
        Context.getCommandContext().runWithoutAuthorization(() -> grantRead(link.getGroupId(), task.getProcessInstanceId()));
      }
    }
  }

  /** When the case (process instance) ends, its per-case grants go: finished cases are for supervisors. */
  @EventListener
  public void onExecution(DelegateExecution execution) {
    if (ExecutionListener.EVENTNAME_END.equals(execution.getEventName())
        && execution.getId().equals(execution.getProcessInstanceId())
        && execution.getBpmnModelElementInstance() instanceof org.camunda.bpm.model.bpmn.instance.Process) {
      Context.getCommandContext().runWithoutAuthorization(() -> {
        authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
            .resourceType(Resources.PROCESS_INSTANCE).resourceId(execution.getProcessInstanceId()).list()
            .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
        return null;
      });
    }
  }

  private Void grantRead(String groupId, String processInstanceId) {
    boolean granted = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).count() > 0;
    if (!granted) {
      Authorization read = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      read.setGroupId(groupId);
      read.setResource(Resources.PROCESS_INSTANCE);
      read.setResourceId(processInstanceId);
      read.addPermission(Permissions.READ);
      authorizations.saveAuthorization(read);
    }
    return null;
  }
}

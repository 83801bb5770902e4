package org.gridloop.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.gridloop.org.GroupIds;

/**
 * What each role may do in Camunda, as group authorizations. Staff see and work only the tasks
 * of their own groups: the engine grants a candidate group READ and TASK_WORK on each task it is
 * a candidate for (default authorizations), so nothing wider is granted here. Supervisors read
 * everything in Cockpit; process owners deploy and read definitions; administrators
 * (camunda-admin) hold every permission on every resource type, and only they manage users,
 * groups and authorizations.
 */
public final class RoleAuthorizations {

  /** One grant: a group may do these things to a resource (ANY = every instance). */
  record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {}

  static final List<Grant> GRANTS = Stream.concat(Stream.of(
      // Every staff member: Tasklist, and the names of colleagues and groups.
      new Grant(GroupIds.STAFF, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(GroupIds.STAFF, Resources.USER, ANY, Permissions.READ),
      new Grant(GroupIds.STAFF, Resources.GROUP, ANY, Permissions.READ),
      new Grant(GroupIds.STAFF, Resources.FILTER, ANY, Permissions.CREATE),
      // The process definitions (not their instances): Tasklist's diagram tab and form lookups.
      new Grant(GroupIds.STAFF, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ),
      // District supervisors: read every case, task, decision and its history in Cockpit.
      new Grant(GroupIds.SUPERVISORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
      new Grant(GroupIds.SUPERVISORS, Resources.PROCESS_DEFINITION, ANY,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK),
      new Grant(GroupIds.SUPERVISORS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ),
      new Grant(GroupIds.SUPERVISORS, Resources.TASK, ANY, TaskPermissions.READ),
      new Grant(GroupIds.SUPERVISORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY),
      new Grant(GroupIds.SUPERVISORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
      new Grant(GroupIds.SUPERVISORS, Resources.DEPLOYMENT, ANY, Permissions.READ),
      // Process owners: deploy from Camunda Modeler and read what is deployed.
      new Grant(GroupIds.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
      new Grant(GroupIds.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY,
          Permissions.CREATE, Permissions.READ, Permissions.DELETE),
      new Grant(GroupIds.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ),
      new Grant(GroupIds.PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ),
      new Grant(GroupIds.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ)),
      // Administrators: everything on every resource type. Camunda gives camunda-admin no bypass in
      // queries or in the Admin webapp: without these grants its members see only themselves.
      Arrays.stream(Resources.values()).map(resource -> new Grant(GroupIds.ADMINS, resource, ANY, Permissions.ALL)))
      .toList();

  private RoleAuthorizations() {}

  /** Creates the grants that are missing and adds missing permissions; idempotent. */
  public static int apply(AuthorizationService authorizations) {
    int written = 0;
    for (Grant grant : GRANTS) {
      Authorization existing = authorizations.createAuthorizationQuery()
          .authorizationType(AUTH_TYPE_GRANT)
          .groupIdIn(grant.groupId())
          .resourceType(grant.resource())
          .resourceId(grant.resourceId())
          .singleResult();
      Authorization authorization = existing != null ? existing : newGrant(authorizations, grant);
      boolean changed = existing == null;
      for (Permission permission : grant.permissions()) {
        if (!authorization.isPermissionGranted(permission)) {
          authorization.addPermission(permission);
          changed = true;
        }
      }
      if (changed) {
        authorizations.saveAuthorization(authorization);
        written++;
      }
    }
    return written;
  }

  private static Authorization newGrant(AuthorizationService authorizations, Grant grant) {
    Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(grant.groupId());
    authorization.setResource(grant.resource());
    authorization.setResourceId(grant.resourceId());
    return authorization;
  }
}

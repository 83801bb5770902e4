package org.gridloop.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;

/**
 * The engine's repository service with GridLoop's rule for deleting deployments: deleting one with
 * {@code cascade=true}, or one whose processes still have running cases, would delete those cases
 * and their history, so only the administrator may (and even they get a clear 400, not the engine's
 * error, when running cases forbid a plain delete). Process owners may still delete a deployment
 * nobody runs.
 */
class CheckedRepositoryService extends RepositoryServiceImpl {

  @Override
  public void deleteDeployment(String deploymentId, boolean cascade, boolean skipCustomListeners,
      boolean skipIoMappings) {
    commandExecutor.execute(context -> {
      long running = context.runWithoutAuthorization(() -> runningInstances(context, deploymentId));
      boolean administrator = !StaffCaller.isRestricted(context);
      if ((cascade || running > 0) && !administrator) {
        throw new AuthorizationException("Only the administrator may delete deployment " + deploymentId
            + (cascade ? " with cascade (it deletes every running case of it and its history)"
                : ": " + running + " running case(s) use it"));
      }
      if (running > 0 && !cascade) {
        throw new BadUserRequestException("Deployment " + deploymentId + " has " + running
            + " running case(s): delete them first, or delete with cascade=true");
      }
      return new DeleteDeploymentCmd(deploymentId, cascade, skipCustomListeners, skipIoMappings).execute(context);
    });
  }

  @Override
  public void deleteDeployment(String deploymentId) {
    deleteDeployment(deploymentId, false, false, false);
  }

  @Override
  public void deleteDeploymentCascade(String deploymentId) {
    deleteDeployment(deploymentId, true, false, false);
  }

  @Override
  public void deleteDeployment(String deploymentId, boolean cascade) {
    deleteDeployment(deploymentId, cascade, false, false);
  }

  @Override
  public void deleteDeployment(String deploymentId, boolean cascade, boolean skipCustomListeners) {
    deleteDeployment(deploymentId, cascade, skipCustomListeners, false);
  }

  private static long runningInstances(CommandContext context, String deploymentId) {
    ProcessInstanceQueryImpl query = new ProcessInstanceQueryImpl();
    query.deploymentId(deploymentId);
    return context.getExecutionManager().findProcessInstanceCountByQueryCriteria(query);
  }
}

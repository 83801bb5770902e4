package org.gridloop.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.gridloop.deploy.DeploymentPolicy;
import org.gridloop.deploy.ExpressionRules;
import org.gridloop.deploy.PublishedBeans;
import org.gridloop.forms.TaskSubmissions;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Draws the engine's trust boundaries before it is built (DESIGN.md, "Trust boundaries"):
 * <ul>
 *   <li>expressions, in models and in queries, see GridLoop's published beans only
 *       ({@link PublishedBeans}), not the whole Spring context;
 *   <li>process owners deploy flows, never code: every new deployment passes {@link DeploymentPolicy};
 *       deleting one that running cases use is the administrator's ({@link CheckedRepositoryService});
 *   <li>staff submit no code: their filters hold only the filter functions ({@link FilterQueryGuard}),
 *       ad hoc queries no expressions; and they set only what their task's form offers
 *       ({@link CheckedTaskService}, {@link CheckedFormService}), as TASK_WORK (claim, complete) on
 *       their groups' tasks, not UPDATE;
 *   <li>DMN decisions are FEEL (never JUEL with the engine's beans), and JSON variables deserialize
 *       only into Java's collections and GridLoop's own types.
 * </ul>
 */
@Component
class TrustBoundaries extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;
  private final TaskSubmissions submissions;

  TrustBoundaries(ApplicationContext context, TaskSubmissions submissions) {
    this.context = context;
    this.submissions = submissions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    PublishedBeans published = new PublishedBeans(context);
    ExpressionRules rules = new ExpressionRules(published);
    Map<Object, Object> beans = published.asEngineBeans();
    configuration.setBeans(beans);
    configuration.setExpressionManager(new SpringExpressionManager(context, beans));

    configuration.setCustomPreDeployers(append(configuration.getCustomPreDeployers(), new DeploymentPolicy(rules)));
    configuration.setRepositoryService(new CheckedRepositoryService());

    configuration.setCustomSessionFactories(append(configuration.getCustomSessionFactories(),
        new FilterQueryGuard(rules).sessionFactory()));
    configuration.setEnableExpressionsInAdhocQueries(false);
    configuration.setEnableExpressionsInStoredQueries(true);
    configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
    configuration.setTaskService(new CheckedTaskService(submissions));
    configuration.setFormService(new CheckedFormService(submissions));

    configuration.setDmnFeelEnableLegacyBehavior(false);
    configuration.setDeserializationTypeValidationEnabled(true);
    configuration.setDeserializationAllowedPackages("java.util,org.gridloop");
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> result = list == null ? new ArrayList<>() : new ArrayList<>(list);
    result.add(item);
    return result;
  }
}

package org.gridloop.sla;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.gridloop.org.GroupIds;
import org.gridloop.org.Organisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * GridLoop's shared Tasklist filters, created when the engine is built and kept as defined here:
 * found by name, so a restart creates no duplicate; a filter whose query, properties or owner
 * drifted (edited in Tasklist) is set back; its READ grants are exactly the groups named here.
 * Each filter is one query for everyone, through {@code ${currentUser()}},
 * {@code ${currentUserGroups()}}, {@code ${now()}} and {@code ${dateTime()}}, and every one lists
 * the most urgent task first (due date ascending; Tasklist's own sort comes after it).
 *
 * <p>Visibility is still the engine's: a filter narrows what a user may already read (their
 * groups' tasks), it never widens it.
 */
@Component
public class TasklistFilters extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  public static final String MY_TASKS = "我的待办 My tasks";
  public static final String MY_GROUPS = "本组待办 My groups' tasks";
  public static final String DUE_SOON = "即将超时 Due within 24 h";
  public static final String OVERDUE = "已超时 Overdue";
  public static final String AWAITING_REPORT_IN = "待报到 Awaiting report-in";
  public static final String SUPERVISION = "督办 Supervision";

  /** Process variables shown under each task in the list (those a task's process has). */
  static final List<Map<String, String>> VARIABLES = List.of(
      variable("caseNumber", "案件编号 Case number"),
      variable("topicNumber", "议题编号 Topic number"),
      variable("category", "类别 Category"),
      variable("urgency", "紧急程度 Urgency"),
      variable("address", "地址 Address"),
      variable("title", "议题 Title"));

  /** One filter as GridLoop defines it. */
  public record Definition(String name, String description, int priority, String color,
      Supplier<TaskQuery> query, Set<String> readers) {}

  private final Organisation organisation;

  public TasklistFilters(Organisation organisation) {
    this.organisation = organisation;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    int written = ensure(engine);
    LOG.info("Tasklist filters: {} created or set back", written);
  }

  /** The six filters, with the groups that may read each. */
  public List<Definition> definitions(TaskService tasks) {
    Set<String> staff = Set.of(GroupIds.STAFF);
    Set<String> departments = new LinkedHashSet<>();
    organisation.departments().forEach(d -> departments.add(GroupIds.department(d.code())));
    return List.of(
        new Definition(MY_TASKS, "分配给我的任务 Tasks assigned to me", 10, "#1f77b4",
            () -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                .orderByDueDate().asc(), staff),
        new Definition(MY_GROUPS, "我所在组的任务，含已认领的 Tasks of my groups, claimed ones included", 20,
            "#2ca02c",
            () -> tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks().orderByDueDate().asc(), staff),
        new Definition(DUE_SOON, "本组 24 小时内到期的任务 My groups' tasks due within 24 hours", 30, "#ff7f0e",
            () -> tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()
                .dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusHours(24)}")
                .orderByDueDate().asc(), staff),
        new Definition(OVERDUE, "本组已过时限的任务 My groups' tasks past their deadline", 40, "#d62728",
            () -> tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks().dueBeforeExpression("${now()}")
                .orderByDueDate().asc(), staff),
        new Definition(AWAITING_REPORT_IN, "部门待报到的案件 Cases my department must report in on", 50, "#9467bd",
            () -> tasks.createTaskQuery().taskDefinitionKey("department-report-in")
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .orderByDueDate().asc(), departments),
        new Definition(SUPERVISION, "区级督办任务 District supervision tasks", 60, "#8c564b",
            () -> tasks.createTaskQuery().taskCandidateGroup(GroupIds.SUPERVISORS).includeAssignedTasks()
                .orderByDueDate().asc(), Set.of(GroupIds.SUPERVISORS)));
  }

  /**
   * Creates the missing filters, sets drifted ones back and makes their READ grants exactly the
   * defined groups. Idempotent: a second run writes nothing. Returns how many filters it wrote.
   */
  public int ensure(ProcessEngine engine) {
    FilterService filters = engine.getFilterService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    int written = 0;
    for (Definition definition : definitions(engine.getTaskService())) {
      Map<String, Object> properties = properties(definition);
      String wantedQuery = queryJson(definition.query().get());
      List<Filter> existing = filters.createFilterQuery().filterName(definition.name()).list();
      // One filter per name: keep one that is as defined (else any), delete the others.
      Filter filter = existing.stream().filter(f -> asDefined(f, wantedQuery, properties)).findFirst()
          .orElse(existing.isEmpty() ? filters.newTaskFilter(definition.name()) : existing.get(0));
      for (Filter other : existing) {
        if (!other.getId().equals(filter.getId())) {
          filters.deleteFilter(other.getId());
        }
      }
      if (filter.getId() == null || !asDefined(filter, wantedQuery, properties)) {
        filter.setQuery(definition.query().get());
        filter.setProperties(properties);
        filter.setOwner(null);
        filter = filters.saveFilter(filter);
        written++;
      }
      grantRead(authorizations, filter.getId(), definition.readers());
    }
    return written;
  }

  private static boolean asDefined(Filter filter, String wantedQuery, Map<String, Object> properties) {
    return Objects.equals(((FilterEntity) filter).getQueryInternal(), wantedQuery)
        && Objects.equals(filter.getProperties(), properties)
        && filter.getOwner() == null;
  }

  private static void grantRead(AuthorizationService authorizations, String filterId, Set<String> groups) {
    List<Authorization> grants = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).resourceType(Resources.FILTER).resourceId(filterId).list();
    Set<String> granted = new LinkedHashSet<>();
    for (Authorization grant : grants) {
      if (grant.getGroupId() != null && !groups.contains(grant.getGroupId())
          && grant.isPermissionGranted(Permissions.READ)) {
        authorizations.deleteAuthorization(grant.getId()); // a group the definition no longer names
      } else if (grant.getGroupId() != null && grant.isPermissionGranted(Permissions.READ)) {
        granted.add(grant.getGroupId());
      }
    }
    for (String group : groups) {
      if (!granted.contains(group)) {
        Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.FILTER);
        grant.setResourceId(filterId);
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
      }
    }
  }

  private static Map<String, Object> properties(Definition definition) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("color", definition.color());
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", new ArrayList<>(VARIABLES));
    return properties;
  }

  /** The query as the engine stores it, to compare a stored filter with its definition. */
  private static String queryJson(TaskQuery query) {
    FilterEntity probe = new FilterEntity(org.camunda.bpm.engine.EntityTypes.TASK);
    probe.setQuery(query);
    return probe.getQueryInternal();
  }

  private static Map<String, String> variable(String name, String label) {
    Map<String, String> variable = new LinkedHashMap<>();
    variable.put("name", name);
    variable.put("label", label);
    return variable;
  }
}

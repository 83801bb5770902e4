package org.gridloop.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.gridloop.intake.CaseIntake;
import org.gridloop.intake.CaseReport;
import org.gridloop.support.CaseScenario;
import org.gridloop.support.GridLoopIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@GridLoopIntegrationTest
class TasklistFiltersIT {

  static final List<String> NAMES = List.of(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUPS,
      TasklistFilters.DUE_SOON, TasklistFilters.OVERDUE, TasklistFilters.AWAITING_REPORT_IN,
      TasklistFilters.SUPERVISION);

  @Autowired ProcessEngine engine;
  @Autowired TasklistFilters tasklistFilters;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired CaseIntake intake;

  @AfterEach
  void reset() {
    identity.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void theSixFiltersExistOnceAndASecondRunChangesNothing() {
    assertThat(tasklistFilters.ensure(engine)).isZero();
    for (String name : NAMES) {
      assertThat(filters.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
      Filter filter = filters.createFilterQuery().filterName(name).singleResult();
      assertThat(filter.getResourceType()).isEqualTo("Task");
      assertThat(filter.getOwner()).isNull();
      assertThat(filter.getProperties()).containsKeys("description", "priority", "color", "variables");
      assertThat(filter.getProperties().get("variables").toString()).contains("caseNumber", "category", "address");
      TaskQuery query = filter.getQuery();
      assertThat(query.toString()).isNotNull();
    }
    assertThat(filters.createFilterQuery().filterName(TasklistFilters.OVERDUE).singleResult().getQuery()
        .toString()).isNotNull();
  }

  @Test
  void aDriftedFilterAndADuplicateAreSetBackAtTheNextRun() {
    Filter overdue = filters.createFilterQuery().filterName(TasklistFilters.OVERDUE).singleResult();
    overdue.setQuery(engine.getTaskService().createTaskQuery().taskName("something else"));
    overdue.setProperties(Map.of("color", "#000000"));
    filters.saveFilter(overdue);
    Filter duplicate = filters.newTaskFilter(TasklistFilters.MY_TASKS);
    duplicate.setQuery(engine.getTaskService().createTaskQuery());
    filters.saveFilter(duplicate);

    assertThat(tasklistFilters.ensure(engine)).isEqualTo(1);

    assertThat(filters.createFilterQuery().filterName(TasklistFilters.MY_TASKS).count()).isEqualTo(1);
    Filter restored = filters.getFilter(overdue.getId());
    assertThat(restored.getProperties()).containsEntry("color", "#d62728");
    assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) restored.getQuery()).getName()).isNull();
    assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) restored.getQuery()).getExpressions())
        .containsEntry("dueBefore", "${now()}");
    assertThat(tasklistFilters.ensure(engine)).isZero();
  }

  @Test
  void eachFilterIsReadableByItsGroupsOnly() {
    assertThat(visibleFilters("wangfang")).contains(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUPS,
        TasklistFilters.DUE_SOON, TasklistFilters.OVERDUE)
        .doesNotContain(TasklistFilters.AWAITING_REPORT_IN, TasklistFilters.SUPERVISION);
    assertThat(visibleFilters("zhuhong")).contains(TasklistFilters.MY_TASKS, TasklistFilters.AWAITING_REPORT_IN)
        .doesNotContain(TasklistFilters.SUPERVISION);
    assertThat(visibleFilters("tangjie")).contains(TasklistFilters.MY_TASKS, TasklistFilters.OVERDUE,
        TasklistFilters.SUPERVISION).doesNotContain(TasklistFilters.AWAITING_REPORT_IN);
  }

  @Test
  void theOverdueFilterShowsAGridWorkerTheOverdueTasksOfTheirGridAndNotThoseOfAnother() {
    CaseScenario scenario = new CaseScenario(engine);
    Date t0 = new Date();
    ClockUtil.setCurrentTime(t0);
    Task own = gridTask(scenario, report("street-light", "cx-hongxing-g1"));     // wangfang's grid
    Task other = gridTask(scenario, report("street-light", "cx-jinlin-g1"));     // zhangli's grid

    // One hour later both are due within 24 h, none overdue.
    ClockUtil.setCurrentTime(new Date(t0.getTime() + Duration.ofHours(1).toMillis()));
    assertThat(taskIds("wangfang", TasklistFilters.DUE_SOON)).contains(own.getId()).doesNotContain(other.getId());
    assertThat(taskIds("wangfang", TasklistFilters.OVERDUE)).doesNotContain(own.getId(), other.getId());
    assertThat(taskIds("wangfang", TasklistFilters.MY_GROUPS)).contains(own.getId()).doesNotContain(other.getId());

    // 25 hours later, before the job executor has escalated them: both overdue.
    ClockUtil.setCurrentTime(new Date(t0.getTime() + Duration.ofHours(25).toMillis()));
    assertThat(taskIds("wangfang", TasklistFilters.OVERDUE)).contains(own.getId()).doesNotContain(other.getId());
    assertThat(taskIds("zhangli", TasklistFilters.OVERDUE)).contains(other.getId()).doesNotContain(own.getId());
    assertThat(taskIds("wangfang", TasklistFilters.DUE_SOON)).doesNotContain(own.getId());
    assertThat(taskIds("wangfang", TasklistFilters.MY_TASKS)).doesNotContain(own.getId());

    // Claimed, the task stays in the group's Overdue filter and enters the claimer's My tasks.
    engine.getTaskService().claim(own.getId(), "wangfang");
    assertThat(taskIds("wangfang", TasklistFilters.OVERDUE)).contains(own.getId());
    assertThat(taskIds("wangfang", TasklistFilters.MY_TASKS)).contains(own.getId());
    List<Task> overdueList = tasksOf("wangfang", TasklistFilters.OVERDUE);
    for (int i = 1; i < overdueList.size(); i++) {
      assertThat(overdueList.get(i).getDueDate()).isAfterOrEqualTo(overdueList.get(i - 1).getDueDate());
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private List<String> visibleFilters(String userId) {
    authenticate(userId);
    try {
      return filters.createFilterQuery().list().stream().map(Filter::getName).toList();
    } finally {
      identity.clearAuthentication();
    }
  }

  private List<String> taskIds(String userId, String filterName) {
    return tasksOf(userId, filterName).stream().map(Task::getId).toList();
  }

  private List<Task> tasksOf(String userId, String filterName) {
    authenticate(userId);
    try {
      Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
      assertThat(filter).as(userId + " reads " + filterName).isNotNull();
      return filters.list(filter.getId());
    } finally {
      identity.clearAuthentication();
    }
  }

  private void authenticate(String userId) {
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identity.setAuthentication(userId, groups);
  }

  private String report(String category, String gridId) {
    CaseReport report = new CaseReport(category, "normal", gridId, "筛选测试 Filter test", "锦江区测试地址 Test address",
        null, null, new CaseReport.Reporter("刘小红", "13912345678", "liu.xh@resident.example"), "web", null);
    return intake.report(report).caseNumber();
  }

  private Task gridTask(CaseScenario scenario, String caseNumber) {
    var instance = scenario.instance(caseNumber);
    // Start-up jobs of this case only (async steps before the first task), at T0.
    var management = engine.getManagementService();
    for (int round = 0; round < 20 && scenario.tasks(instance, "grid-handling").isEmpty(); round++) {
      management.createJobQuery().processInstanceId(instance.getId()).executable().list()
          .forEach(job -> management.executeJob(job.getId()));
    }
    return scenario.task(instance, "grid-handling");
  }
}

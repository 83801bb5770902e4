package org.gridloop.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.gridloop.sla.TasklistFilters;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.TestLogins;
import org.gridloop.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Finding 2: a grid worker made herself a supervisor with a stored Tasklist filter whose query
 * expression called a Spring bean. The same request, by a user of every role, through the REST API
 * and through Tasklist's own API, is refused and changes nothing; GridLoop's shared filters still run.
 */
@GridLoopIntegrationTest
class FilterExpressionAttacks extends AttackScenario {

  /** One login per role: grid worker, street, department, council, supervisor, process owner. */
  static final List<String> EVERY_ROLE = List.of("wangfang", "wuxiuying", "zhuhong", "luoyan", "tangjie", "dengwen");

  @LocalServerPort int port;
  @Autowired FilterService filters;

  static String grab(String userId) {
    return "${''.concat(identityService.createMembership('" + userId + "','camunda-admin'))}";
  }

  static Map<String, Object> filterBody(String userId, String name, String expression) {
    return Map.of("resourceType", "Task", "name", name, "owner", userId,
        "query", Map.of("assigneeExpression", expression));
  }

  @Test
  void noRoleStoresTheExpressionThatMadeAGridWorkerASupervisorThroughTheRestApi() {
    for (String userId : EVERY_ROLE) {
      List<String> groups = groupsOf(userId);
      String name = "x-rest-" + userId;
      ResponseEntity<String> created = postJson(as(userId), "/engine-rest/filter/create",
          filterBody(userId, name, grab(userId)));
      assertThat(created.getStatusCode()).as(userId).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(created.getBody()).contains("taskAssignee").contains("only ${currentUser()}");
      assertThat(filters.createFilterQuery().filterName(name).count()).isZero();
      assertThat(groupsOf(userId)).as("%s's groups", userId).isEqualTo(groups).doesNotContain("camunda-admin");
    }
  }

  @Test
  void noRoleStoresItThroughTasklistsOwnApiEither() {
    for (String userId : EVERY_ROLE) {
      List<String> groups = groupsOf(userId);
      String name = "x-webapp-" + userId;
      WebappSession tasklist = WebappSession.logIn(port, "tasklist", userId, TestLogins.passwordFor(identity, userId));
      HttpResponse<String> created = tasklist.postJson("/camunda/api/engine/engine/default/filter/create",
          json(filterBody(userId, name, grab(userId))));
      assertThat(created.statusCode()).as("%s: %s", userId, created.body()).isEqualTo(400);
      assertThat(filters.createFilterQuery().filterName(name).count()).isZero();
      assertThat(groupsOf(userId)).as("%s's groups", userId).isEqualTo(groups).doesNotContain("camunda-admin");
    }
  }

  @Test
  void aStoredFilterWithAnyOtherExpressionDoesNotRunForStaffWhoeverStoredIt() {
    TestRestTemplate admin = as("admin");
    // The administrator may store one (expressions call GridLoop's published beans only) ...
    ResponseEntity<String> stored = postJson(admin, "/engine-rest/filter/create",
        filterBody("admin", "admin-grid-filter", "${assignment.gridGroup('cx-hongxing-g1')}"));
    assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.OK);
    String id = json(stored.getBody()).get("id").asText();
    try {
      assertThat(postJson(admin, "/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("READ"),
          "groupId", "staff", "resourceType", 5, "resourceId", id)).getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(admin.getForEntity("/engine-rest/filter/" + id + "/count", String.class).getStatusCode())
          .isEqualTo(HttpStatus.OK);
      // ... but a staff member running it gets only the filter functions.
      List<String> groups = groupsOf("wangfang");
      ResponseEntity<String> run = as("wangfang").getForEntity("/engine-rest/filter/" + id + "/count", String.class);
      assertThat(run.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(groupsOf("wangfang")).isEqualTo(groups);
    } finally {
      filters.deleteFilter(id);
    }
    // And not even the administrator's expressions see the engine's services or other beans.
    ResponseEntity<String> grabbing = postJson(admin, "/engine-rest/filter/create", filterBody("admin", "x-admin", grab("admin")));
    assertThat(grabbing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(filters.createFilterQuery().filterName("x-admin").count()).isZero();
  }

  @Test
  void neitherAQueryThatExtendsAFilterNorAnAdHocQueryCarriesAnExpression() {
    Filter myTasks = filters.createFilterQuery().filterName(TasklistFilters.MY_TASKS).singleResult();
    List<String> groups = groupsOf("wangfang");
    TestRestTemplate wangfang = as("wangfang");
    assertThat(postJson(wangfang, "/engine-rest/filter/" + myTasks.getId() + "/list",
        Map.of("assigneeExpression", grab("wangfang"))).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(postJson(wangfang, "/engine-rest/task", Map.of("assigneeExpression", grab("wangfang"))).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wangfang.getForEntity("/engine-rest/task/count?assigneeExpression={e}", String.class, grab("wangfang"))
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(groupsOf("wangfang")).isEqualTo(groups);
  }

  @Test
  void gridLoopsSharedFiltersStillRunForEveryRole() {
    for (String userId : EVERY_ROLE) {
      TestRestTemplate staff = as(userId);
      String visible = staff.getForObject("/engine-rest/filter?resourceType=Task", String.class);
      List<String> ids = json(visible).findValuesAsText("id");
      assertThat(ids).as("filters %s sees", userId).isNotEmpty();
      for (String id : ids) {
        assertThat(staff.getForEntity("/engine-rest/filter/" + id + "/count", String.class).getStatusCode())
            .as("%s runs filter %s", userId, id).isEqualTo(HttpStatus.OK);
      }
    }
  }

  private List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).orderByGroupId().asc().list().stream()
        .map(Group::getId).toList();
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

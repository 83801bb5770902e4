package org.gridloop.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gridloop.support.GridLoopIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Finding 1: the administrator could do nothing (camunda-admin has no bypass in Camunda queries). */
@GridLoopIntegrationTest
class AdministratorAttacks extends AttackScenario {

  @Test
  void theAdministratorReadsEveryResourceTypeThroughTheRestApi() {
    TestRestTemplate admin = as("admin");
    long staff = identity.createUserQuery().count();
    assertThat(count(admin, "/engine-rest/user/count")).isEqualTo(staff).isGreaterThan(20);
    assertThat(count(admin, "/engine-rest/group/count")).isGreaterThan(10);
    assertThat(count(admin, "/engine-rest/process-definition/count")).isGreaterThanOrEqualTo(2);
    assertThat(count(admin, "/engine-rest/decision-definition/count")).isGreaterThanOrEqualTo(2);
    assertThat(count(admin, "/engine-rest/decision-requirements-definition/count")).isGreaterThanOrEqualTo(0);
    assertThat(count(admin, "/engine-rest/deployment/count")).isGreaterThanOrEqualTo(1);
    assertThat(count(admin, "/engine-rest/filter/count")).isGreaterThanOrEqualTo(6);
    assertThat(count(admin, "/engine-rest/authorization/count")).isGreaterThan(20);
    for (String readable : new String[] {"/engine-rest/task/count", "/engine-rest/process-instance/count",
        "/engine-rest/tenant/count", "/engine-rest/batch/count", "/engine-rest/job/count",
        "/engine-rest/incident/count", "/engine-rest/history/process-instance/count",
        "/engine-rest/history/task/count", "/engine-rest/history/decision-instance/count",
        "/engine-rest/history/user-operation/count", "/engine-rest/history/variable-instance/count",
        "/engine-rest/identity/groups?userId=wangfang"}) {
      ResponseEntity<String> response = admin.getForEntity(readable, String.class);
      assertThat(response.getStatusCode()).as(readable).isEqualTo(HttpStatus.OK);
    }
    assertThat(admin.getForEntity("/engine-rest/metrics/activity-instance-start/sum", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theAdministratorCreatesAUserSetsItsPasswordAndAddsAMembership() {
    TestRestTemplate admin = as("admin");
    String id = "admin-made-" + System.nanoTime();
    ResponseEntity<String> created = postJson(admin, "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", id, "firstName", "临时", "lastName", "Temp", "email", id + "@gridloop.example"),
        "credentials", Map.of("password", "A-long-enough-password-1")));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    try {
      assertThat(admin.exchange("/engine-rest/group/supervisors/members/" + id,
          HttpMethod.PUT, null, String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(identity.createUserQuery().memberOfGroup("supervisors").userId(id).count()).isOne();
      assertThat(identity.checkPassword(id, "A-long-enough-password-1")).isTrue();
    } finally {
      identity.deleteUser(id);
    }
  }

  private long count(TestRestTemplate client, String url) {
    ResponseEntity<String> response = client.getForEntity(url, String.class);
    assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
    return json(response.getBody()).get("count").asLong();
  }
}

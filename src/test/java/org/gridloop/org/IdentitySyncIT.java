package org.gridloop.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.gridloop.org.Organisation.Staff;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.TestLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

@GridLoopIntegrationTest
class IdentitySyncIT {

  @Autowired Organisation organisation;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired TestRestTemplate rest;

  @Test
  void everyPersonOfTheFileIsAUserInExactlyTheGroupsOfTheirRoles() {
    for (Staff member : organisation.staff()) {
      assertThat(identity.createUserQuery().userId(member.id()).singleResult())
          .as(member.id()).isNotNull()
          .satisfies(u -> {
            assertThat(u.getFirstName()).isEqualTo(member.name());
            assertThat(u.getEmail()).isEqualTo(member.email());
          });
      Set<String> groups = identity.createGroupQuery().groupMember(member.id()).list().stream()
          .map(Group::getId).collect(Collectors.toSet());
      assertThat(groups).as(member.id()).isEqualTo(IdentitySync.membershipsOf(member));
    }
    assertThat(identity.createGroupQuery().groupId("grid-cx-hongxing-g1").singleResult().getName())
        .isEqualTo("红星路社区第一网格 Hongxing Road Grid 1");
    assertThat(identity.createUserQuery().memberOfGroup("grid-cx-hongxing-g1").list())
        .extracting("id").containsExactly("wangfang");
    assertThat(identity.createUserQuery().memberOfGroup(GroupIds.SUPERVISORS).count()).isEqualTo(2);
    assertThat(organisation.grids()).allSatisfy(g ->
        assertThat(identity.createGroupQuery().groupId(GroupIds.grid(g.id())).count()).isEqualTo(1));
    assertThat(organisation.departments()).allSatisfy(d ->
        assertThat(identity.createGroupQuery().groupId(GroupIds.department(d.code())).count()).isEqualTo(1));
  }

  @Test
  void aSecondRunWithTheSameFileChangesNothing() {
    IdentitySync sync = new IdentitySync(identity, tasks);
    assertThat(sync.sync(organisation, null, "admin"::equals).changes()).isZero();
  }

  @Test
  void aPersonRemovedFromTheFileLosesTheirGroupsAndCanNoLongerLogIn() {
    String password = TestLogins.passwordFor(identity, "zhouqiang");
    assertThat(rest.withBasicAuth("zhouqiang", password).getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Staff> remaining = organisation.staff().stream().filter(s -> !s.id().equals("zhouqiang")).toList();
    Organisation without = new Organisation(organisation.district(), organisation.streets(),
        organisation.departments(), remaining);
    IdentitySync sync = new IdentitySync(identity, tasks);
    try {
      IdentitySync.Report report = sync.sync(without, null, "admin"::equals);

      assertThat(report.usersDeleted()).isEqualTo(1);
      assertThat(identity.createUserQuery().userId("zhouqiang").count()).isZero();
      assertThat(identity.createUserQuery().memberOfGroup("grid-hh-furong-g3").count()).isZero();
      assertThat(identity.checkPassword("zhouqiang", password)).isFalse();
      assertThat(rest.withBasicAuth("zhouqiang", password).getForEntity("/engine-rest/task", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    } finally {
      sync.sync(organisation, null, "admin"::equals);
    }
  }
}

package org.gridloop.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.gridloop.account.StaffPasswords;
import org.gridloop.org.OrgIdentities.Kind;
import org.gridloop.org.Organisation.Department;
import org.gridloop.org.Organisation.Staff;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.TestLogins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The organisation file mirrored into Camunda's identity, and who owns what: the file its staff,
 * its groups and its staff's memberships in those groups; the administrator (in Camunda Admin,
 * whose calls are those of the engine REST API made here) passwords and everything else.
 */
@GridLoopIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class IdentitySyncIT {

  @Autowired Organisation organisation;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;
  @Autowired OrgIdentities owned;
  @Autowired StaffPasswords passwords;
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
    assertThat(sync().sync(organisation).changes()).isZero();
  }

  @Test
  void aPersonRemovedFromTheFileLosesTheirGroupsAndCanNoLongerLogIn() {
    String password = TestLogins.passwordFor(identity, "zhouqiang");
    assertThat(rest.withBasicAuth("zhouqiang", password).getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Staff> remaining = organisation.staff().stream().filter(s -> !s.id().equals("zhouqiang")).toList();
    Organisation without = new Organisation(organisation.district(), organisation.streets(),
        organisation.departments(), remaining);
    IdentitySync sync = sync();
    try {
      IdentitySync.Report report = sync.sync(without);

      assertThat(report.usersDeleted()).isEqualTo(1);
      assertThat(identity.createUserQuery().userId("zhouqiang").count()).isZero();
      assertThat(owned.owns(Kind.USER, "zhouqiang")).isFalse();
      assertThat(identity.createUserQuery().memberOfGroup("grid-hh-furong-g3").count()).isZero();
      assertThat(identity.checkPassword("zhouqiang", password)).isFalse();
      assertThat(rest.withBasicAuth("zhouqiang", password).getForEntity("/engine-rest/task", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    } finally {
      sync.sync(organisation);
    }
  }

  @Test
  void whatTheAdministratorMadeInCamundaAdminSurvivesTheNextSync() {
    TestRestTemplate admin = rest.withBasicAuth("admin", TestLogins.ADMIN_PASSWORD);
    String volunteer = "volunteer-" + System.nanoTime();
    // A unit-like id on purpose: the file owns only the groups it defines, whatever their names.
    String pilotGroup = "grid-pilot-" + System.nanoTime();
    try {
      assertThat(post(admin, "/engine-rest/user/create", Map.of(
          "profile", Map.of("id", volunteer, "firstName", "志愿者", "lastName", "Volunteer", "email", volunteer + "@example.org"),
          "credentials", Map.of("password", "volunteer-password-1"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(post(admin, "/engine-rest/group/create", Map.of("id", pilotGroup, "name", "试点网格 Pilot grid",
          "type", "WORKFLOW")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      addMember(admin, pilotGroup, volunteer);
      addMember(admin, GroupIds.STAFF, volunteer);     // an admin-made user in a group of the file
      addMember(admin, pilotGroup, "wangfang");        // file staff in a group the file does not define
      // The administrator sets a person's password; the file never does.
      assertThat(admin.exchange("/engine-rest/user/wangfang/credentials", HttpMethod.PUT, json(Map.of(
          "password", "wangfang-own-password", "authenticatedUserPassword", TestLogins.ADMIN_PASSWORD)), String.class)
          .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

      IdentitySync.Report report = sync().sync(organisation);

      assertThat(report.changes()).isZero();
      assertThat(identity.createUserQuery().userId(volunteer).count()).isOne();
      assertThat(identity.createGroupQuery().groupId(pilotGroup).count()).isOne();
      assertThat(groupsOf(volunteer)).containsExactlyInAnyOrder(pilotGroup, GroupIds.STAFF);
      assertThat(groupsOf("wangfang")).contains(pilotGroup, "grid-cx-hongxing-g1");
      assertThat(owned.owns(Kind.USER, volunteer)).isFalse();
      assertThat(owned.owns(Kind.GROUP, pilotGroup)).isFalse();
      assertThat(rest.withBasicAuth("wangfang", "wangfang-own-password").getForEntity("/engine-rest/task", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(rest.withBasicAuth(volunteer, "volunteer-password-1").getForEntity("/engine-rest/task", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.OK);
    } finally {
      identity.deleteUser(volunteer);
      identity.deleteGroup(pilotGroup);
    }
  }

  @Test
  void aMembershipTheAdministratorChangedInAGroupOfTheFileIsSetBackAndLogged(CapturedOutput output) {
    TestRestTemplate admin = rest.withBasicAuth("admin", TestLogins.ADMIN_PASSWORD);
    Staff wangfang = organisation.staffMember("wangfang").orElseThrow();
    addMember(admin, GroupIds.SUPERVISORS, "wangfang");
    assertThat(admin.exchange("/engine-rest/group/grid-cx-hongxing-g1/members/wangfang", HttpMethod.DELETE, null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(groupsOf("wangfang")).contains(GroupIds.SUPERVISORS).doesNotContain("grid-cx-hongxing-g1");

    IdentitySync.Report report = sync().sync(organisation);

    assertThat(report.membershipsAdded()).isEqualTo(1);
    assertThat(report.membershipsRemoved()).isEqualTo(1);
    assertThat(groupsOf("wangfang")).isEqualTo(IdentitySync.membershipsOf(wangfang));
    assertThat(output.getOut())
        .contains("'wangfang' removed from group 'supervisors'")
        .contains("'wangfang' added to group 'grid-cx-hongxing-g1'");
  }

  @Test
  void aGroupTheFileStopsDefiningIsDeletedAndOneTheAdministratorMadeIsNot() {
    String made = "dept-volunteers-" + System.nanoTime();
    identity.saveGroup(newGroup(made));
    List<Department> more = new ArrayList<>(organisation.departments());
    more.add(new Department("pilot", "试点局", "Pilot Bureau"));
    Organisation withPilot = new Organisation(organisation.district(), organisation.streets(), more, organisation.staff());
    try {
      sync().sync(withPilot);
      assertThat(identity.createGroupQuery().groupId("dept-pilot").count()).isOne();
      assertThat(owned.owns(Kind.GROUP, "dept-pilot")).isTrue();

      IdentitySync.Report report = sync().sync(organisation);

      assertThat(report.groupsDeleted()).isEqualTo(1);
      assertThat(identity.createGroupQuery().groupId("dept-pilot").count()).isZero();
      assertThat(owned.owns(Kind.GROUP, "dept-pilot")).isFalse();
      assertThat(identity.createGroupQuery().groupId(made).count()).isOne();
    } finally {
      identity.deleteGroup(made);
      identity.deleteGroup("dept-pilot");
      owned.forget(Kind.GROUP, "dept-pilot");
    }
  }

  private IdentitySync sync() {
    return new IdentitySync(engine, owned, passwords);
  }

  private Group newGroup(String id) {
    Group group = identity.newGroup(id);
    group.setName("志愿者 Volunteers");
    group.setType("WORKFLOW");
    return group;
  }

  private Set<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).collect(Collectors.toSet());
  }

  private static void addMember(TestRestTemplate admin, String groupId, String userId) {
    assertThat(admin.exchange("/engine-rest/group/" + groupId + "/members/" + userId, HttpMethod.PUT, null,
        String.class).getStatusCode()).as("%s joins %s", userId, groupId).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private static ResponseEntity<String> post(TestRestTemplate client, String url, Object body) {
    return client.postForEntity(url, json(body), String.class);
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}

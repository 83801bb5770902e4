package org.gridloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.gridloop.org.GroupIds;
import org.gridloop.org.Organisation;
import org.gridloop.org.Organisation.Staff;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.TestLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The administrator at work in Camunda Admin, in a real (headless Debian) chromium: every staff
 * member listed, a new user made, their password set, a membership added; the engine holds what
 * the browser did, and the new user logs in to Tasklist. Screenshots:
 * {@code target/screenshots/AdminBrowserIT.<test>/}.
 */
@GridLoopIntegrationTest
class AdminBrowserIT extends BrowserScenario {

  @Autowired Organisation organisation;

  @Test
  void theAdministratorListsTheStaffCreatesAUserSetsItsPasswordAndAddsItToAGroup() {
    String id = "volunteer" + System.nanoTime();
    try {
      Browser browser = browsers.start("admin", "en-US");
      Admin admin = new Admin(browser, port);
      admin.logInAs("admin", TestLogins.ADMIN_PASSWORD);
      browser.screenshot("logged-in");

      List<String> staffIds = organisation.staff().stream().map(Staff::id).toList();
      assertThat(admin.listedUsers(staffIds.size())).as("every person of the organisation file")
          .containsAll(staffIds).contains("admin");
      browser.screenshot("users");

      admin.createUser(id, "first-password-123", "志愿者", "Volunteer", id + "@example.org");
      browser.until("the engine to hold user " + id, d -> identity.createUserQuery().userId(id).count() == 1);
      browser.screenshot("user-created");
      User created = identity.createUserQuery().userId(id).singleResult();
      assertThat(created.getFirstName()).isEqualTo("志愿者");
      assertThat(created.getEmail()).isEqualTo(id + "@example.org");

      String hashBefore = storedPasswordHash(id);
      admin.changePassword(id, TestLogins.ADMIN_PASSWORD, "second-password-456");
      // Wait by reading, not by trying the password: a failed check writes the user's row, and would
      // race the very change it waits for (optimistic locking: "updated by another transaction").
      browser.until("the engine to store the new password", d -> !storedPasswordHash(id).equals(hashBefore));
      assertThat(identity.checkPassword(id, "second-password-456")).isTrue();
      browser.screenshot("password-set");
      assertThat(identity.checkPassword(id, "first-password-123")).isFalse();
      identity.unlockUser(id); // that refused check would delay the next login

      admin.addToGroup(id, GroupIds.STAFF);
      assertThat(identity.createUserQuery().userId(id).memberOfGroup(GroupIds.STAFF).count()).isOne();
      browser.screenshot("membership-added");

      // The new user logs in to Tasklist (staff have Tasklist access) with the password Admin set.
      Browser theirs = browsers.start(id, "en-US");
      Tasklist tasklist = new Tasklist(theirs, port);
      tasklist.logInAs(id, "second-password-456");
      assertThat(tasklist.filterNames()).contains("我的待办 My tasks");
      theirs.screenshot("tasklist");
    } finally {
      identity.deleteUser(id);
    }
  }

  private String storedPasswordHash(String userId) {
    return String.valueOf(((org.camunda.bpm.engine.impl.persistence.entity.UserEntity)
        identity.createUserQuery().userId(userId).singleResult()).getPassword());
  }
}

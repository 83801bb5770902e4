package org.gridloop.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.gridloop.org.GroupIds;

/**
 * The administrator from GRIDLOOP_ADMIN_USER / GRIDLOOP_ADMIN_PASSWORD: a member of camunda-admin,
 * the only group that manages users, groups and authorizations.
 */
public final class AdminAccount {

  private AdminAccount() {}

  /** Creates or updates the administrator so that the given password logs in. */
  public static void ensure(IdentityService identity, String userId, String password) {
    // Check the password before loading the user: a failed check writes the user's row (failed
    // attempts), and saving a user loaded before that write would be refused as stale.
    boolean passwordWorks = identity.checkPassword(userId, password);
    User user = identity.createUserQuery().userId(userId).singleResult();
    boolean created = user == null;
    if (created) {
      user = identity.newUser(userId);
      user.setFirstName("系统管理员");
      user.setLastName("Administrator");
    }
    if (created || !passwordWorks) {
      user.setPassword(password);
      identity.saveUser(user);
      // A failed checkPassword counts as a failed login: clear it so the administrator can log in now.
      identity.unlockUser(userId);
    }
    boolean member = identity.createUserQuery().userId(userId).memberOfGroup(GroupIds.ADMINS).count() > 0;
    if (!member) {
      identity.createMembership(userId, GroupIds.ADMINS);
    }
  }
}

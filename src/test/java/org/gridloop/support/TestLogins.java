package org.gridloop.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Passwords for the people tests log in as (demo mode, and its shared password, is off in tests). */
public final class TestLogins {

  public static final String ORG_FILE = "classpath:demo/organisation.yaml";
  public static final String ADMIN_PASSWORD = "admin-test-password";
  public static final String PASSWORD = "test-password";

  private TestLogins() {}

  /** Gives the user the test password; returns it for use in credentials. */
  public static String passwordFor(IdentityService identity, String userId) {
    // Not checkPassword first: a failed check delays the next login (brute-force protection).
    User user = identity.createUserQuery().userId(userId).singleResult();
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.unlockUser(userId);
    return PASSWORD;
  }
}

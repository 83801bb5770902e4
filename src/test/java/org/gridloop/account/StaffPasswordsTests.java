package org.gridloop.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.gridloop.account.PasswordLinkRepository.Reason;
import org.gridloop.org.Organisation.Staff;
import org.gridloop.system.GridLoopProperties;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Who gets the shared demo password: the bundled demo organisation in demo mode, and nobody else. */
class StaffPasswordsTests {

  private static final Staff WANGFANG = new Staff("wangfang", "王芳", "Wang Fang", "wang.fang@gridloop.example",
      null, List.of());
  private static final PasswordManager HASHES = new PasswordManager(new Sha512HashDigest(), List.of());

  /** The links asked for, instead of rows in gl_password_link. */
  private final List<String> linksAskedFor = new ArrayList<>();
  private final PasswordLinkRepository links = new PasswordLinkRepository(new JdbcTemplate()) {
    @Override
    public void requestPending(String userId, Reason reason, String by) {
      linksAskedFor.add(userId + ":" + reason);
    }
  };

  @Test
  void theBundledDemoFileInDemoModeGivesTheDemoPassword() {
    for (String orgFile : new String[] {"", GridLoopProperties.DEMO_ORG_FILE}) {
      StaffPasswords passwords = passwords(orgFile, true, "gridloop");
      assertThat(passwords.demoOrganisation()).as("org file '%s'", orgFile).isTrue();
      assertThat(passwords.forNewPerson(WANGFANG)).isEqualTo("gridloop");
    }
    assertThat(linksAskedFor).isEmpty();
  }

  @Test
  void anyOtherFileOrDemoModeOffGivesAnUnguessablePasswordAndALink() {
    for (StaffPasswords passwords : List.of(
        passwords("file:/etc/gridloop/organisation.yaml", true, "gridloop"),
        passwords("file:/tmp/copy-of-the-demo/organisation.yaml", true, "gridloop"),
        passwords(GridLoopProperties.DEMO_ORG_FILE, false, "gridloop"))) {
      assertThat(passwords.demoOrganisation()).isFalse();
      String first = passwords.forNewPerson(WANGFANG);
      assertThat(first).isNotEqualTo("gridloop").hasSizeGreaterThanOrEqualTo(24);
      assertThat(passwords.forNewPerson(WANGFANG)).isNotEqualTo(first);
    }
    assertThat(linksAskedFor).hasSize(6).containsOnly("wangfang:NEW_STAFF");
  }

  @Test
  void aPersonWithoutAnEmailAddressGetsNoLink() {
    Staff offline = new Staff("offline", "离线", "Off Line", null, null, List.of());
    assertThat(passwords("file:/etc/gridloop/organisation.yaml", false, "gridloop").forNewPerson(offline))
        .isNotEqualTo("gridloop");
    assertThat(linksAskedFor).isEmpty();
  }

  @Test
  void aLeftoverDemoPasswordIsFoundByItsHashOutsideTheDemoOnly() {
    UserEntity leftover = user("gridloop");
    UserEntity own = user("wangfang-own-password");
    UserEntity configured = user("letmein-demo");

    StaffPasswords real = passwords("file:/etc/gridloop/organisation.yaml", false, "letmein-demo");
    assertThat(real.mustReplace(leftover, HASHES)).isTrue();
    assertThat(real.mustReplace(configured, HASHES)).isTrue();
    assertThat(real.mustReplace(own, HASHES)).isFalse();
    assertThat(passwords("", true, "gridloop").mustReplace(leftover, HASHES)).as("in the demo it stays").isFalse();
  }

  @Test
  void theDemoPasswordsAreRefusedAsAChoiceWhateverTheirCase() {
    StaffPasswords passwords = passwords("file:/etc/gridloop/organisation.yaml", false, "letmein-demo");
    assertThat(passwords.isDemoPassword("gridloop")).isTrue();
    assertThat(passwords.isDemoPassword("GridLoop")).isTrue();
    assertThat(passwords.isDemoPassword("LETMEIN-demo")).isTrue();
    assertThat(passwords.isDemoPassword("a-password-of-my-own")).isFalse();
  }

  private StaffPasswords passwords(String orgFile, boolean demo, String demoPassword) {
    return new StaffPasswords(new GridLoopProperties(orgFile, new GridLoopProperties.Demo(demo, demoPassword),
        new GridLoopProperties.Admin("admin", "x")), links);
  }

  private static UserEntity user(String password) {
    UserEntity user = new UserEntity("someone");
    user.setSalt("c2FsdHNhbHQ=");
    user.setDbPassword(HASHES.encrypt(EncryptionUtil.saltPassword(password, user.getSalt())));
    return user;
  }
}

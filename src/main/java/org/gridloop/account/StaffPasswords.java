package org.gridloop.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.gridloop.account.PasswordLinkRepository.Reason;
import org.gridloop.org.Organisation.Staff;
import org.gridloop.system.GridLoopProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The passwords staff start with. The shared demo password belongs to the bundled demo organisation
 * in demo mode, and to nobody else: staff of any other organisation file (or of the demo file with
 * demo mode off) start with an unguessable password and are mailed a one-time link to set their
 * own. A person who still has the demo password outside the demo organisation (an earlier demo
 * start on the same database) gets an unguessable one and a link. Any other password is the
 * administrator's or the person's own, and GridLoop never touches it.
 */
@Component
public class StaffPasswords {

  /** The identity sync's name in the link table. */
  public static final String SYNC = "system:identity-sync";
  /** The demo password GridLoop has always shipped with, refused outside the demo whatever is configured now. */
  static final String DEFAULT_DEMO_PASSWORD = "gridloop";

  private static final Logger LOG = LoggerFactory.getLogger(StaffPasswords.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final GridLoopProperties properties;
  private final PasswordLinkRepository links;

  public StaffPasswords(GridLoopProperties properties, PasswordLinkRepository links) {
    this.properties = properties;
    this.links = links;
  }

  /** Demo mode on the bundled demo file: the only setting in which the shared demo password is given. */
  public boolean demoOrganisation() {
    return properties.demo().enabled() && GridLoopProperties.DEMO_ORG_FILE.equals(properties.effectiveOrgFile());
  }

  /** The password of a person the file adds; outside the demo, a link to set their own is asked for. */
  public String forNewPerson(Staff member) {
    if (demoOrganisation()) {
      return properties.demo().password();
    }
    askForLink(member, Reason.NEW_STAFF);
    return unguessable();
  }

  /** True when the user's password is a demo password and this is not the demo organisation. */
  public boolean mustReplace(User user, PasswordManager hashes) {
    if (demoOrganisation() || !(user instanceof UserEntity entity) || entity.getPassword() == null) {
      return false;
    }
    for (String demo : demoPasswords()) {
      // Compared with the stored hash, not checkPassword: a failed check would count as a failed login.
      if (hashes.check(EncryptionUtil.saltPassword(demo, entity.getSalt()), entity.getPassword())) {
        return true;
      }
    }
    return false;
  }

  /** The unguessable password that replaces a demo password, with a link asked for. */
  public String replacement(Staff member) {
    LOG.warn("User '{}' still had the demo password outside the demo organisation: replaced by an unguessable one",
        member.id());
    askForLink(member, Reason.DEMO_PASSWORD_REPLACED);
    return unguessable();
  }

  /** Whether a password someone chooses is a demo password (refused for every real login). */
  public boolean isDemoPassword(String password) {
    return password != null && demoPasswords().stream().anyMatch(password::equalsIgnoreCase);
  }

  private Set<String> demoPasswords() {
    Set<String> passwords = new LinkedHashSet<>();
    passwords.add(DEFAULT_DEMO_PASSWORD);
    if (!properties.demo().password().isBlank()) {
      passwords.add(properties.demo().password());
    }
    return passwords;
  }

  private void askForLink(Staff member, Reason reason) {
    if (member.email() == null || member.email().isBlank()) {
      LOG.info("User '{}' has no e-mail address for a password link: the administrator sets their password"
          + " in Camunda Admin", member.id());
      return;
    }
    links.requestPending(member.id(), reason, SYNC);
  }

  /** 144 random bits: nobody logs in with it; it only keeps the account closed until a real password is set. */
  public static String unguessable() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

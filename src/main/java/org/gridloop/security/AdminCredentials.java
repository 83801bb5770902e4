package org.gridloop.security;

import java.security.SecureRandom;
import java.util.Arrays;
import org.gridloop.system.GridLoopProperties;
import org.gridloop.system.StartupRefusedException;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Who the administrator is and the password they log in with. Also where GridLoop refuses
 * unsafe setups: the postgres (production) profile never runs with demo data or without an
 * administrator password; only demo mode may generate one.
 */
@Component
public class AdminCredentials {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();

  private final String user;
  private final String password;
  private final boolean generated;

  public AdminCredentials(GridLoopProperties properties, Environment environment) {
    boolean production = environment.acceptsProfiles(Profiles.of("postgres"));
    if (production && properties.demo().enabled()) {
      throw new StartupRefusedException(
          "The postgres profile refuses to start with demo data: unset GRIDLOOP_DEMO / gridloop.demo.enabled");
    }
    this.user = properties.admin().user();
    if (!properties.admin().password().isBlank()) {
      this.password = properties.admin().password();
      this.generated = false;
    } else if (properties.demo().enabled()) {
      this.password = randomPassword();
      this.generated = true;
    } else {
      throw new StartupRefusedException("No administrator password: set GRIDLOOP_ADMIN_PASSWORD"
          + (production ? " (the postgres profile requires one)" : ""));
    }
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** True when no password was configured and this run made one up (demo mode). */
  public boolean generated() {
    return generated;
  }

  private static String randomPassword() {
    char[] chars = new char[16];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    String password = new String(chars);
    Arrays.fill(chars, ' ');
    return password;
  }
}

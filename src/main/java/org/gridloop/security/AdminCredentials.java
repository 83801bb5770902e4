package org.gridloop.security;

import java.security.SecureRandom;
import java.util.Arrays;
import org.gridloop.system.GridLoopProperties;
import org.springframework.stereotype.Component;

/**
 * Who the administrator is and the password they log in with: the configured one, or in demo
 * mode one generated for this run. ({@link StartupGuard} has already refused a setup with neither.)
 */
@Component
public class AdminCredentials {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();

  private final String user;
  private final String password;
  private final boolean generated;

  public AdminCredentials(GridLoopProperties properties) {
    this.user = properties.admin().user();
    this.generated = properties.admin().password().isBlank();
    this.password = generated ? randomPassword() : properties.admin().password();
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

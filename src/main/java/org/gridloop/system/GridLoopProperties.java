package org.gridloop.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code gridloop.*}; the environment variables named in the README map onto them.
 *
 * @param orgFile the organisation directory (YAML); empty means the bundled demo file, which only
 *     demo mode may use
 */
@ConfigurationProperties("gridloop")
public record GridLoopProperties(
    @DefaultValue("") String orgFile,
    @DefaultValue Demo demo,
    @DefaultValue Admin admin) {

  /** The bundled demo organisation, used when demo mode is on and no file is given. */
  public static final String DEMO_ORG_FILE = "classpath:demo/organisation.yaml";

  /**
   * Demo mode: loads the demo organisation and gives every person it creates from the bundled demo
   * file the shared demo password (staff of any other file never get it: account/StaffPasswords).
   * Never in production (the postgres profile refuses it).
   */
  public record Demo(@DefaultValue("false") boolean enabled, @DefaultValue("gridloop") String password) {}

  /** The administrator; a blank password means "generate one and print it" (demo mode only). */
  public record Admin(@DefaultValue("admin") String user, @DefaultValue("") String password) {}

  public String effectiveOrgFile() {
    if (!orgFile.isBlank()) {
      return orgFile;
    }
    return demo.enabled() ? DEMO_ORG_FILE : "";
  }
}

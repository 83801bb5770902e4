package org.gridloop.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridloop.GridLoopApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a second GridLoop in the test JVM, without a web server, under its own engine name and
 * its own H2 directory (PostgreSQL runs share the database), for tests of startup and restart.
 */
public final class StandaloneApp {

  private StandaloneApp() {}

  public static Path freshDataDir(String name) {
    String base = System.getProperty("gridloop.data-dir", "target/it-data");
    return Path.of(base, name + "-" + System.nanoTime());
  }

  /** Engine name and data directory as command-line arguments: they must beat the test JVM's system properties. */
  private static String[] args(String engineName, Path dataDir, String... extra) {
    String[] args = new String[extra.length + 2];
    args[0] = "--camunda.bpm.process-engine-name=" + engineName;
    args[1] = "--gridloop.data-dir=" + dataDir.toAbsolutePath();
    System.arraycopy(extra, 0, args, 2, extra.length);
    return args;
  }

  public static ConfigurableApplicationContext start(String engineName, Path dataDir, String... extra) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("gridloop.demo.enabled", "false");
    defaults.put("gridloop.org-file", TestLogins.ORG_FILE);
    defaults.put("gridloop.admin.password", TestLogins.ADMIN_PASSWORD);
    defaults.put("camunda.bpm.job-execution.enabled", "false");
    defaults.put("spring.jmx.enabled", "false");
    // No web server: the engine REST API's Jersey setup needs one.
    defaults.put("spring.autoconfigure.exclude",
        "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration");
    // Command-line arguments win over these defaults.
    return new SpringApplicationBuilder(GridLoopApplication.class)
        .web(WebApplicationType.NONE)
        .properties(defaults)
        .run(args(engineName, dataDir, extra));
  }
}

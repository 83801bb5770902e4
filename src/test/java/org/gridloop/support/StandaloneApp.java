package org.gridloop.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridloop.GridLoopApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a second GridLoop in the test JVM, under its own engine name and its own H2 directory
 * (PostgreSQL runs share the database): without a web server for tests of startup and restart,
 * with one for tests that need other settings over real HTTP (the rate limits).
 * Its settings are passed as command-line arguments: they must beat application.properties and the
 * test JVM's system properties.
 */
public final class StandaloneApp {

  private StandaloneApp() {}

  public static Path freshDataDir(String name) {
    String base = System.getProperty("gridloop.data-dir", "target/it-data");
    return Path.of(base, name + "-" + System.nanoTime());
  }

  /** @param extra {@code --name=value} arguments that replace the defaults below */
  public static ConfigurableApplicationContext start(String engineName, Path dataDir, String... extra) {
    Map<String, String> settings = settings(engineName, dataDir);
    // No web server: the engine REST API's Jersey setup needs one.
    settings.put("spring.autoconfigure.exclude",
        "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration");
    return run(WebApplicationType.NONE, settings, extra);
  }

  /**
   * Like {@link #start}, with a web server on a random port ({@link #port}), for tests that need an
   * application with other settings over real HTTP. Its engine REST API and webapps find engines
   * by name in a registry the test JVM shares: call GridLoop's own API ({@code /api/**}) on it.
   */
  public static ConfigurableApplicationContext startServing(String engineName, Path dataDir, String... extra) {
    Map<String, String> settings = settings(engineName, dataDir);
    settings.put("server.port", "0");
    return run(WebApplicationType.SERVLET, settings, extra);
  }

  public static int port(ConfigurableApplicationContext app) {
    return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  private static Map<String, String> settings(String engineName, Path dataDir) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("camunda.bpm.process-engine-name", engineName);
    settings.put("gridloop.data-dir", dataDir.toAbsolutePath().toString());
    settings.put("gridloop.demo.enabled", "false");
    settings.put("gridloop.org-file", TestLogins.ORG_FILE);
    settings.put("gridloop.admin.password", TestLogins.ADMIN_PASSWORD);
    settings.put("camunda.bpm.job-execution.enabled", "false");
    settings.put("spring.jmx.enabled", "false");
    return settings;
  }

  private static ConfigurableApplicationContext run(WebApplicationType type, Map<String, String> settings, String... extra) {
    for (String argument : extra) {
      int equals = argument.indexOf('=');
      settings.put(argument.substring(2, equals), argument.substring(equals + 1));
    }
    String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    return new SpringApplicationBuilder(GridLoopApplication.class).web(type).run(args);
  }
}

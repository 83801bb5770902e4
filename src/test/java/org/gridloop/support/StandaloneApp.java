package org.gridloop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridloop.GridLoopApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a second GridLoop in the test JVM, without a web server (or with one, {@link #startWeb}),
 * under its own engine name and its own H2 directory (PostgreSQL runs share the database), for
 * tests of startup and restart. Its settings are passed as command-line arguments: they must beat
 * application.properties and the test JVM's system properties.
 *
 * <p>With a web server, the engine REST API answers for the JVM's default engine at {@code /engine-rest/…};
 * reach this app's engine by name: {@code /engine-rest/engine/<engineName>/…}.
 */
public final class StandaloneApp {

  private StandaloneApp() {}

  public static Path freshDataDir(String name) {
    String base = System.getProperty("gridloop.data-dir", "target/it-data");
    return Path.of(base, name + "-" + System.nanoTime());
  }

  /** @param extra {@code --name=value} arguments that replace the defaults below */
  public static ConfigurableApplicationContext start(String engineName, Path dataDir, String... extra) {
    Map<String, String> settings = settings(engineName, dataDir, extra);
    // No web server: the engine REST API's Jersey setup needs one.
    settings.putIfAbsent("spring.autoconfigure.exclude",
        "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration");
    return run(WebApplicationType.NONE, settings);
  }

  /**
   * Starts it with its web server on the given port (GridLoop's API and pages, the engine REST API by
   * name), but not Camunda's webapps (Tasklist, Cockpit, Admin), which the suite's own app serves.
   */
  public static ConfigurableApplicationContext startWeb(String engineName, Path dataDir, int port, String... extra) {
    Map<String, String> settings = settings(engineName, dataDir, extra);
    settings.put("server.port", Integer.toString(port));
    // Without Camunda's webapps: their bootstrap keeps the JVM's one Cockpit/Admin/Tasklist runtime in
    // static fields, and this app's shutdown would clear them under the suite's own webapps.
    settings.putIfAbsent("spring.autoconfigure.exclude",
        "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration");
    return run(WebApplicationType.SERVLET, settings);
  }

  /** A port nobody listens on now, for an app whose links must name its address before it starts. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> settings(String engineName, Path dataDir, String... extra) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("camunda.bpm.process-engine-name", engineName);
    settings.put("gridloop.data-dir", dataDir.toAbsolutePath().toString());
    settings.put("gridloop.demo.enabled", "false");
    settings.put("gridloop.org-file", TestLogins.ORG_FILE);
    settings.put("gridloop.admin.password", TestLogins.ADMIN_PASSWORD);
    settings.put("camunda.bpm.job-execution.enabled", "false");
    settings.put("spring.jmx.enabled", "false");
    for (String argument : extra) {
      int equals = argument.indexOf('=');
      settings.put(argument.substring(2, equals), argument.substring(equals + 1));
    }
    return settings;
  }

  private static ConfigurableApplicationContext run(WebApplicationType web, Map<String, String> settings) {
    String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    return new SpringApplicationBuilder(GridLoopApplication.class).web(web).run(args);
  }
}

package org.gridloop.security;

import org.gridloop.system.StartupRefusedException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses unsafe setups before anything starts (no database is touched): the postgres
 * (production) profile never runs with demo data, and outside demo mode an administrator password
 * must be given. Registered in META-INF/spring.factories.
 */
public class StartupGuard implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean production = environment.acceptsProfiles(Profiles.of("postgres"));
    boolean demo = environment.getProperty("gridloop.demo.enabled", Boolean.class, false);
    String adminPassword = environment.getProperty("gridloop.admin.password", "");
    if (production && demo) {
      throw new StartupRefusedException(
          "The postgres profile refuses to start with demo data: unset GRIDLOOP_DEMO / gridloop.demo.enabled");
    }
    if (!demo && adminPassword.isBlank()) {
      throw new StartupRefusedException("No administrator password: set GRIDLOOP_ADMIN_PASSWORD"
          + (production ? " (the postgres profile requires one)" : ""));
    }
  }
}

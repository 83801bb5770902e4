package org.gridloop.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Replaces the starter's engine health check, which reports UP as long as the engine object
 * exists: this one asks the engine to read its own tables, so a lost database shows DOWN.
 */
@Component("processEngineHealthIndicator")
class ProcessEngineHealth implements HealthIndicator {

  private final ProcessEngine engine;

  ProcessEngineHealth(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public Health health() {
    try {
      long definitions = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().count();
      return Health.up().withDetail("name", engine.getName()).withDetail("processDefinitions", definitions).build();
    } catch (RuntimeException e) {
      return Health.down(e).withDetail("name", engine.getName()).build();
    }
  }
}

package org.gridloop.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * How the engine answers wrong passwords, at every login (webapps, engine REST API, GridLoop's API).
 * Camunda locks an account for good after 10 of them (loginMaxAttempts) until an administrator
 * unlocks it, so anyone who knows a login could lock its owner out. GridLoop never locks: it keeps
 * the engine's growing delay after each wrong password (1, 2, 4, then {@value #MAX_DELAY_SECONDS}
 * seconds; within the delay every password is refused, unchecked) and caps it low, because a
 * stranger could otherwise keep a login delayed for minutes with one try each. What stops one
 * client from trying again and again is {@link ClientRateLimit}'s limit per client and login.
 */
@Component
public class LoginDelays extends AbstractProcessEnginePlugin {

  public static final int MAX_DELAY_SECONDS = 5;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase(1);
    configuration.setLoginDelayFactor(2);
    configuration.setLoginDelayMaxTime(MAX_DELAY_SECONDS);
  }
}

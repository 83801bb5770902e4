package org.gridloop.browser;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.gridloop.casework.CaseRecords;
import org.gridloop.intake.CaseIntake;
import org.gridloop.support.CaseScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test stands on: a chromium per test (screenshots, skip-or-fail), the app's
 * port, and cases made and moved the way staff and time would, on the engine clock.
 */
abstract class BrowserScenario {

  @RegisterExtension BrowserExtension browsers = new BrowserExtension();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired CaseIntake intake;
  @Autowired CaseRecords records;
  BrowserCases cases;
  CaseScenario scenario;

  @BeforeEach
  void setUpCases() {
    BpmnAwareTests.init(engine);
    ClockUtil.reset();
    cases = new BrowserCases(intake, engine);
    scenario = cases.scenario();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }
}

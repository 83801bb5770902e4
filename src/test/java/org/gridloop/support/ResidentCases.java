package org.gridloop.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridloop.intake.CaseIntake;
import org.gridloop.intake.CaseReport;

/**
 * One resident's cases for the tests of who sees their data: reported through {@link CaseIntake}
 * as the web form does, then moved on by staff and time ({@link CaseScenario}, engine clock: reset
 * it after the test).
 */
public final class ResidentCases {

  public static final String NAME = "刘小红";
  public static final String PHONE = "13912345678";
  public static final String EMAIL = "liu.xh@resident.example";
  /** The resident's contact data in every form it was ever shown in, masked ones included. */
  public static final List<String> CONTACT = List.of(NAME, PHONE, EMAIL, "刘**", "139****5678", "l***@resident.example",
      "liu.xh");

  private final CaseIntake intake;
  private final CaseScenario scenario;

  public ResidentCases(CaseIntake intake, ProcessEngine engine) {
    this.intake = intake;
    this.scenario = new CaseScenario(engine);
  }

  public CaseScenario scenario() {
    return scenario;
  }

  /** Reported now (normal urgency) and run to its first task; returns the case number. */
  public String report(String category, String gridId, String description, String address) {
    String caseNumber = intake.report(new CaseReport(category, "normal", gridId, description, address, null, null,
        new CaseReport.Reporter(NAME, PHONE, EMAIL), "web", null)).caseNumber();
    scenario.runDueJobs();
    return caseNumber;
  }

  /**
   * Resolved by the grid worker, then not rated by the resident within the call-back deadline
   * (72 h): the case waits at the grid's call-back task.
   */
  public String atCallBack(String category, String gridId) {
    String caseNumber = report(category, gridId, "测试描述 A resident's description", "锦江区测试地址 Test address");
    ProcessInstance instance = scenario.instance(caseNumber);
    scenario.complete(scenario.task(instance, "grid-handling"), Map.of("gridOutcome", "resolved",
        "gridNote", "已处理 Handled"));
    scenario.passTime(Duration.ofHours(73));
    scenario.task(instance, "call-back");
    return caseNumber;
  }
}

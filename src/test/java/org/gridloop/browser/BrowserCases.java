package org.gridloop.browser;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.gridloop.intake.CaseIntake;
import org.gridloop.intake.CaseReport;
import org.gridloop.support.CaseScenario;

/**
 * Cases for the browser tests, reported through {@link CaseIntake} as residents report them.
 *
 * <p>Browser tests need cases that are late <em>now</em>, by the wall clock: the browser shows due
 * dates relative to its own clock and the server answers with the engine clock, so both must
 * agree while the browser looks. {@link #inThePast} therefore runs a part of the story with the
 * engine clock set back (moving it forward through {@link CaseScenario#passTime}, which runs the
 * jobs that fall due) and puts the clock back to the wall clock before the browser opens. A
 * deadline that passed during that story without its timer being run is then overdue for real,
 * and stays so: the job executor is off in tests.
 */
final class BrowserCases {

  private final CaseIntake intake;
  private final CaseScenario scenario;
  private final ProcessEngine engine;

  BrowserCases(CaseIntake intake, ProcessEngine engine) {
    this.intake = intake;
    this.engine = engine;
    this.scenario = new CaseScenario(engine);
  }

  CaseScenario scenario() {
    return scenario;
  }

  /** Reports a case now and runs its first steps; returns its case number. */
  String report(String category, String urgency, String gridId, String description) {
    CaseReport report = new CaseReport(category, urgency, gridId, description,
        "锦江区红星路二段红星苑3栋 Building 3, Hongxing Court", null, null,
        new CaseReport.Reporter("刘小红", "13912345678", "liu.xh@resident.example"), "web", null);
    String caseNumber = intake.report(report).caseNumber();
    scenario.runDueJobs();
    return caseNumber;
  }

  /**
   * Runs the story with the engine clock set back by {@code ago}, then resets the clock to the wall
   * clock, whatever happens.
   */
  <T> T inThePast(Duration ago, Supplier<T> story) {
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() - ago.toMillis()));
    try {
      return story.get();
    } finally {
      ClockUtil.reset();
    }
  }

  List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
  }

  boolean isOpen(String taskId) {
    return engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0;
  }

  Object variable(String taskId, String name) {
    return engine.getTaskService().getVariable(taskId, name);
  }

  static Date wallClockNow() {
    return new Date(System.currentTimeMillis());
  }
}

package org.gridloop.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.gridloop.intake.CaseIntake;
import org.gridloop.intake.CaseReport;
import org.gridloop.support.StandaloneApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Deadlines are kept by the real job executor, configured as in production
 * (application.properties: wait-time 1 s, max-wait 5 s): an escalation fires within 10 s of its
 * due time on an otherwise idle engine. Runs a second GridLoop with its job executor on, on its
 * own H2 database (also in the PostgreSQL run) so no other test's jobs compete with the measured one.
 */
class DeadlineTimingIT {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anOverdueGridCaseIsCalledToTheStreetWithinTenSecondsOfItsDeadline() {
    Path dir = StandaloneApp.freshDataDir("deadline-timing");
    try (ConfigurableApplicationContext app = StandaloneApp.start("deadlineTiming", dir,
        "--camunda.bpm.job-execution.enabled=true",
        "--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath() + "/gridloop",
        "--spring.datasource.driver-class-name=org.h2.Driver",
        "--spring.datasource.username=sa",
        "--spring.datasource.password=")) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      CaseRecords records = app.getBean(CaseRecords.class);
      String caseNumber = app.getBean(CaseIntake.class).report(new CaseReport("garbage-piling", "normal",
          "sy-wangjiang-g1", "楼下垃圾堆积 Garbage piling up", "望江居2栋", null, null,
          new CaseReport.Reporter("陈小明", "13712345678", null), "web", null)).caseNumber();

      // The job executor takes the case to the grid by itself, then has nothing left to do.
      await().atMost(Duration.ofSeconds(30)).until(() ->
          engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
              .taskDefinitionKey("grid-handling").count() == 1
          && engine.getManagementService().createJobQuery().executable().count() == 0);
      Job deadline = engine.getManagementService().createJobQuery().processInstanceId(
          engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
              .singleResult().getId()).timers().activityId("grid-deadline").singleResult();

      // The deadline arrives (engine clock), and the wall clock measures how late it is handled.
      ClockUtil.setCurrentTime(new Date(deadline.getDuedate().getTime() + 1));
      long arrived = System.nanoTime();
      await().atMost(Duration.ofSeconds(20)).until(() ->
          records.events(caseNumber).stream().anyMatch(e -> e.kind().equals("gridOverdue")));
      long lateMillis = (System.nanoTime() - arrived) / 1_000_000;

      assertThat(lateMillis).as("escalation delay in ms").isLessThanOrEqualTo(10_000);
      await().atMost(Duration.ofSeconds(20)).until(() ->
          engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
              .taskDefinitionKey("street-acceptance").count() == 1);
      System.out.printf("Grid deadline escalated %d ms after it fell due%n", lateMillis);
    }
  }
}

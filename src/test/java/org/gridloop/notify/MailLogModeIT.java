package org.gridloop.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.gridloop.casework.CaseRecords;
import org.gridloop.intake.CaseIntake;
import org.gridloop.intake.CaseReport;
import org.gridloop.support.CaseScenario;
import org.gridloop.support.StandaloneApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * No {@code spring.mail.host}: mails still go through the outbox and their jobs, and the log says
 * which mail was not sent. Outside demo mode (as here) it never holds a mail's text or its
 * recipients: status and rating links carry the reporter's token, vote mails the owner's code. The
 * application is stopped between queueing and sending: a queued mail survives a restart. (A
 * GridLoop of its own, without web server: the shared test context has an SMTP server set.) In demo
 * mode the whole mail is logged: MailDeliveryTests.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailLogModeIT {

  @Test
  void withoutAnSmtpServerAQueuedMailSurvivesARestartAndTheLogNamesItWithoutItsText(CapturedOutput output) {
    Path dataDir = StandaloneApp.freshDataDir("mail-log-mode");
    String caseNumber = "GC-2099-" + String.format("%06d", System.nanoTime() / 1000 % 1_000_000);
    String statusUrl;
    long id;
    try (ConfigurableApplicationContext first = StandaloneApp.start("mailLogModeTest", dataDir)) {
      assertThat(first.getBeanProvider(JavaMailSender.class).getIfAvailable()).as("no SMTP configured").isNull();
      MailService mail = first.getBean(MailService.class);
      statusUrl = mail.link("/api/cases/" + caseNumber + "?token=0f1e2d3c4b5a69788796a5b4c3d2e1f0");
      mail.queue("case-closed", Map.of("caseNumber", caseNumber, "statusUrl", statusUrl),
          List.of("resident@example.com"), null);
      OutboxMail queued = first.getBean(OutboxRepository.class).search(null, caseNumber, 10).get(0);
      assertThat(queued.status()).isEqualTo(MailStatus.QUEUED);
      id = queued.id();
    }

    try (ConfigurableApplicationContext second = StandaloneApp.start("mailLogModeTest", dataDir)) {
      OutboxRepository outbox = second.getBean(OutboxRepository.class);
      OutboxMail queued = outbox.find(id).orElseThrow();
      assertThat(queued.status()).isEqualTo(MailStatus.QUEUED);
      second.getBean(ManagementService.class).executeJob(queued.jobId());

      OutboxMail logged = outbox.find(id).orElseThrow();
      assertThat(logged.status()).isEqualTo(MailStatus.LOGGED);
      assertThat(logged.attempts()).isEqualTo(1);
      assertThat(logged.sentAt()).isNotNull();
      assertThat(logged.body()).as("the outbox keeps it for the administrator").contains(statusUrl);
      assertThat(output.getOut()).contains("Mail " + id + " (case-closed) for " + caseNumber + " to 1 recipient(s) not sent")
          .doesNotContain("0f1e2d3c4b5a69788796a5b4c3d2e1f0").doesNotContain("resident@example.com")
          .doesNotContain("已办结");
    }
  }

  @Test
  void outsideDemoModeNoTokenVoteCodeOrResidentsContactOfAWholeCaseReachesTheLog(CapturedOutput output) {
    try (ConfigurableApplicationContext app = StandaloneApp.start("mailSecretsTest",
        StandaloneApp.freshDataDir("mail-secrets"))) {
      CaseScenario scenario = new CaseScenario(app.getBean(ProcessEngine.class));
      String caseNumber = app.getBean(CaseIntake.class).report(new CaseReport("street-light", "normal", "cx-hongxing-g1",
          "路灯不亮 Light out", "红星苑3栋", null, null,
          new CaseReport.Reporter("刘小红", "13912345678", "liu.xh@resident.example"), "web", null)).caseNumber();
      scenario.runDueJobs();
      scenario.complete(scenario.task(scenario.instance(caseNumber), "grid-handling"),
          Map.of("gridOutcome", "resolved", "gridNote", "已更换灯泡 Bulb replaced"));
      MailService mail = app.getBean(MailService.class);
      mail.queueConfidential("topic-notice", Map.of("topicNumber", "YS-2099-000001", "title", "加装电梯 Elevator",
          "message", "您的投票码 Your vote code: K7Q2-M9XP", "topicUrl", mail.link("/api/topics/YS-2099-000001")),
          List.of("owner@resident.example"), null);
      scenario.runDueJobs();

      String token = app.getBean(CaseRecords.class).find(caseNumber).orElseThrow().ratingToken();
      OutboxRepository outbox = app.getBean(OutboxRepository.class);
      assertThat(outbox.search(MailStatus.LOGGED, caseNumber, 10)).as("acceptance, resolution (with the rating link)")
          .hasSizeGreaterThanOrEqualTo(2);
      assertThat(outbox.search(MailStatus.LOGGED, "YS-2099-000001", 10)).hasSize(1);
      assertThat(output.getOut() + output.getErr())
          .contains("not sent: no SMTP server configured")
          .doesNotContain(token, "K7Q2-M9XP", "liu.xh@resident.example", "owner@resident.example", "13912345678",
              "刘小红", "rating?token=", "?token=", "您好");
    }
  }
}

package org.gridloop.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.gridloop.support.StandaloneApp;
import org.gridloop.support.TestLogins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The default run: no {@code spring.mail.host}, so mails go to the log, still through the outbox and
 * its job. The application is stopped between queueing and sending: a queued mail survives a
 * restart. (A GridLoop of its own, without web server: the shared test context has an SMTP server set.)
 */
@ExtendWith(OutputCaptureExtension.class)
class MailLogModeIT {

  @Test
  void withoutAnSmtpServerAQueuedMailSurvivesARestartAndGoesToTheLogThroughItsJob(CapturedOutput output) {
    Path dataDir = StandaloneApp.freshDataDir("mail-log-mode");
    String caseNumber = "GC-2099-" + String.format("%06d", System.nanoTime() / 1000 % 1_000_000);
    long id;
    try (ConfigurableApplicationContext first = StandaloneApp.start("mailLogModeTest", dataDir)) {
      assertThat(first.getBeanProvider(JavaMailSender.class).getIfAvailable()).as("no SMTP configured").isNull();
      MailService mail = first.getBean(MailService.class);
      mail.queue("case-closed", Map.of("caseNumber", caseNumber, "statusUrl", mail.link("/api/cases/" + caseNumber)),
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
      assertThat(output.getOut()).contains("Subject: 案件 " + caseNumber + " 已办结 / Case " + caseNumber + " closed")
          .contains("resident@example.com");
    }
  }
}

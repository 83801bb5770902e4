package org.gridloop.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Without an SMTP server the log gets the whole mail in demo mode only. */
@ExtendWith(OutputCaptureExtension.class)
class MailDeliveryTests {

  static final OutboxMail MAIL = new OutboxMail(42, Instant.now(), "case-resolved", List.of("liu.xh@resident.example"),
      "案件 GC-2026-000042 已办理 / Case GC-2026-000042 handled",
      "请评价 Rate it: http://localhost:8080/api/cases/GC-2026-000042/rating?token=5ec7e7", MailStatus.QUEUED, 0,
      null, null, null, null, "GC-2026-000042", null, null);

  @Test
  void inDemoModeTheWholeMailGoesToTheLog(CapturedOutput output) {
    new MailDelivery(null, "GridLoop <noreply@gridloop.example>", true).deliver(MAIL);

    assertThat(output.getOut()).contains("liu.xh@resident.example", "rating?token=5ec7e7", "已办理");
  }

  @Test
  void outsideDemoModeTheLogNamesTheMailButHoldsNeitherItsTextNorItsRecipients(CapturedOutput output) {
    new MailDelivery(null, "GridLoop <noreply@gridloop.example>", false).deliver(MAIL);

    assertThat(output.getOut()).contains("Mail 42 (case-resolved) for GC-2026-000042 to 1 recipient(s) not sent")
        .doesNotContain("5ec7e7", "liu.xh", "已办理", "Rate it");
  }

  @Test
  void aMailServersReplyKeepsItsTextWithoutTheResidentsAddress() {
    assertThat(MailDelivery.withoutAddresses(
        "550 5.1.1 <liu.xh@resident.example>: Recipient address rejected; Invalid Addresses: liu.xh@resident.example"))
        .isEqualTo("550 5.1.1 <<address>>: Recipient address rejected; Invalid Addresses: <address>");
  }
}

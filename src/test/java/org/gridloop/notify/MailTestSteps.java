package org.gridloop.notify;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The steps of MailDeliveryIT's test models, as delegates (beans in org.gridloop, so published to
 * models like GridLoop's own): deployed models may not name Java classes.
 */
final class MailTestSteps {

  static final String RESIDENT = "resident@example.com";

  private MailTestSteps() {}

  /** A case step that queues a mail: runs inside the engine's command. */
  @Component("testQueueMail")
  static class QueueMail implements JavaDelegate {
    private final MailService mail;

    QueueMail(MailService mail) {
      this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
      mail.queue("case-closed", Map.of("caseNumber", execution.getBusinessKey(),
          "statusUrl", mail.link("/api/cases/" + execution.getBusinessKey())), List.of(RESIDENT),
          execution.getProcessInstanceId());
    }
  }

  /** A later step of the same transaction that fails when asked to. */
  @Component("testFailWhenAsked")
  static class FailWhenAsked implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      if (Boolean.TRUE.equals(execution.getVariable("fail"))) {
        throw new IllegalStateException("the case step failed");
      }
    }
  }
}

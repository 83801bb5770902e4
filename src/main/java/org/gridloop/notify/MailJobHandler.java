package org.gridloop.notify;

import java.util.Date;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Camunda job that sends one outbox mail. Its configuration is the outbox id. It runs in its own
 * transaction, never in a case's: when the mail server refuses, only this job fails, and
 * {@link MailJobRetryCmd} plans the next try. Registered by {@link MailEnginePlugin}; deliberately
 * not a Spring bean (the starter would register job handler beans a second time).
 */
class MailJobHandler implements JobHandler<MailJobHandler.Configuration> {

  static final String TYPE = "gridloop-mail";
  private static final Logger LOG = LoggerFactory.getLogger(MailJobHandler.class);

  record Configuration(long outboxId) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return Long.toString(outboxId);
    }
  }

  private final OutboxRepository outbox;
  private final MailDelivery delivery;

  MailJobHandler(OutboxRepository outbox, MailDelivery delivery) {
    this.outbox = outbox;
    this.delivery = delivery;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(Configuration configuration, ExecutionEntity execution, CommandContext commandContext,
      String tenantId) {
    OutboxMail mail = outbox.find(configuration.outboxId()).orElse(null);
    if (mail == null) {
      LOG.warn("Mail job for outbox row {}: the row is gone, nothing to send", configuration.outboxId());
      return;
    }
    if (mail.status() == MailStatus.SENT || mail.status() == MailStatus.LOGGED) {
      LOG.info("Mail {} was already delivered; not sending it twice", mail.id());
      return;
    }
    // The row is marked first and the mail handed over last: if the server refuses, the exception
    // rolls the mark back. (If the commit itself fails after a successful send, the retry sends the
    // mail again: delivery is at least once.)
    Date now = ClockUtil.getCurrentTime();
    outbox.markDelivered(mail.id(), delivery.mode(), now);
    delivery.deliver(mail);
  }

  @Override
  public Configuration newConfiguration(String canonicalString) {
    return new Configuration(Long.parseLong(canonicalString.trim()));
  }

  @Override
  public void onDelete(Configuration configuration, JobEntity jobEntity) {
    // Called after a successful run too (the row is SENT/LOGGED by then and stays so); for a job
    // deleted by an operator before the mail went out, the row says CANCELLED.
    outbox.markCancelled(configuration.outboxId());
  }
}

package org.gridloop.notify;

import java.util.Date;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens after a mail job failed, in place of Camunda's {@code DefaultJobRetryCmd}.
 *
 * <p>Why not the engine's own retry cycle: {@code DefaultJobRetryCmd} looks for
 * {@code failedJobRetryTimeCycle} on the job's <em>activity</em>, and a mail job has none (its
 * handler type is not one of the BPMN job types it knows). Without an activity it falls back to the
 * engine-wide {@code failedJobRetryTimeCycle}, which would change every other job too, or, when
 * that is unset, to the "standard strategy": retries counted down with no wait between tries.
 *
 * <p>This command: records the exception on the job, counts the try in the outbox row, and
 * either sets the job's due date to now + the configured back-off (the job executor acquires only
 * due jobs, and the wait is visible in Cockpit and in job queries) or, after the last try, sets
 * retries to 0, which makes the engine's failed-job incident. The job of a mail belongs to no
 * execution (so that the mail survives the end of its case); for the incident to show on the case,
 * it is made on the process instance while the instance still runs.
 */
class MailJobRetryCmd extends JobRetryCmd {

  private static final Logger LOG = LoggerFactory.getLogger(MailJobRetryCmd.class);

  private final OutboxRepository outbox;
  private final MailProperties properties;

  MailJobRetryCmd(String jobId, Throwable exception, OutboxRepository outbox, MailProperties properties) {
    super(jobId, exception);
    this.outbox = outbox;
    this.properties = properties;
  }

  @Override
  public Object execute(CommandContext commandContext) {
    JobEntity job = getJob();
    if (job == null) {
      return null;
    }
    job.unlock();
    logException(job);
    if (exception != null && !shouldDecrementRetriesFor(exception)) {
      // a concurrent update, not a refusal by the mail server: try again at once, uncounted
      notifyAcquisition(commandContext);
      return null;
    }
    long outboxId = Long.parseLong(job.getJobHandlerConfigurationRaw().trim());
    Date now = ClockUtil.getCurrentTime();
    int retriesLeft = Math.max(job.getRetries() - 1, 0);
    String error = describe(exception);
    if (retriesLeft > 0) {
      int attempt = outbox.attempts(outboxId) + 1;
      Date next = new Date(now.getTime() + properties.delayAfterAttempt(attempt).toMillis());
      outbox.markFailedAttempt(outboxId, error, now, next);
      job.setDuedate(next);
      job.setRetries(retriesLeft);
      LOG.warn("Mail {} not sent (try {}), next try at {}: {}", outboxId, attempt, next, error);
    } else {
      int attempts = outbox.markFailedAttempt(outboxId, error, now, null);
      failFinally(commandContext, job);
      LOG.error("Mail {} not sent after {} tries; job {} has an incident: {}", outboxId, attempts, job.getId(), error);
    }
    notifyAcquisition(commandContext);
    return null;
  }

  /**
   * Retries to 0: the engine creates its failed-job incident from the job's fields. The job has no
   * execution, so for the incident to land on the case, the job points at the process instance
   * while the incident is made (the incident then goes with the instance when the case ends).
   */
  private void failFinally(CommandContext commandContext, JobEntity job) {
    String processInstanceId = job.getProcessInstanceId();
    ExecutionEntity instance = processInstanceId == null || job.getExecutionId() != null
        ? null : commandContext.getExecutionManager().findExecutionById(processInstanceId);
    if (instance == null) {
      job.setRetries(0); // no running case (any more): the incident stays on the job alone
      return;
    }
    job.setExecutionId(instance.getId());
    try {
      job.setRetries(0);
    } finally {
      job.setExecutionId(null);
    }
  }

  private static String describe(Throwable exception) {
    if (exception == null) {
      return "unknown failure";
    }
    StringBuilder text = new StringBuilder(String.valueOf(exception.getMessage()));
    Throwable cause = exception.getCause();
    for (int depth = 0; cause != null && depth < 3; depth++, cause = cause.getCause()) {
      if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
        text.append(" <- ").append(cause.getMessage());
      }
    }
    return text.toString();
  }
}

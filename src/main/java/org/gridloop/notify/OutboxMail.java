package org.gridloop.notify;

import java.time.Instant;
import java.util.List;

/** One mail of the outbox, as the admin endpoint shows it. */
public record OutboxMail(
    long id,
    Instant created,
    String template,
    List<String> to,
    String subject,
    String body,
    MailStatus status,
    int attempts,
    String lastError,
    Instant lastAttemptAt,
    Instant nextAttemptAt,
    Instant sentAt,
    String caseNumber,
    String processInstanceId,
    String jobId) {}

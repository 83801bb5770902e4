package org.gridloop.casework;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridloop.deploy.PublishedToModels;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns the ISO-8601 durations of the routing rules into due dates and reminder delays, for BPMN
 * expressions: {@code camunda:dueDate="${deadlines.dueIn(gridHandlingDeadline)}"}. Uses the engine
 * clock, so tests that move it move deadlines too.
 */
@PublishedToModels
@Component("deadlines")
public class Deadlines {

  private final double reminderShare;

  public Deadlines(@Value("${gridloop.sla.reminder-share:0.8}") double reminderShare) {
    if (reminderShare <= 0 || reminderShare >= 1) {
      throw new IllegalArgumentException("gridloop.sla.reminder-share must be between 0 and 1, was " + reminderShare);
    }
    this.reminderShare = reminderShare;
  }

  /** Now (engine clock) plus the duration; null when the step has no deadline. */
  @PublishedToModels
  public Date dueIn(String isoDuration) {
    if (isoDuration == null || isoDuration.isBlank()) {
      return null;
    }
    return new Date(ClockUtil.getCurrentTime().getTime() + parse(isoDuration).toMillis());
  }

  /** The delay of the reminder: the configured share (80 %) of the deadline, as an ISO duration. */
  @PublishedToModels
  public String reminderAfter(String isoDuration) {
    long seconds = Math.max(1, Math.round(parse(isoDuration).getSeconds() * reminderShare));
    return Duration.ofSeconds(seconds).toString();
  }

  static Duration parse(String isoDuration) {
    try {
      return Duration.parse(isoDuration.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not an ISO-8601 duration (e.g. PT2H, P7D): '" + isoDuration + "'", e);
    }
  }
}

package org.gridloop.notify;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code gridloop.mail.*}. Whether mail is sent at all is decided by
 * {@code spring.mail.host}: without it, mails are written to the log.
 *
 * @param from the From address of every mail (RFC 5322, a display name may be Chinese)
 * @param retryIntervals the waits between tries; a mail gets one try more than there are
 *     intervals (4 intervals: 5 tries), then an incident
 * @param zone the time zone dates and times in mails are written in
 */
@ConfigurationProperties("gridloop.mail")
public record MailProperties(
    @DefaultValue("GridLoop 网格通 <noreply@gridloop.example>") String from,
    @DefaultValue({"PT1M", "PT5M", "PT15M", "PT1H"}) List<Duration> retryIntervals,
    @DefaultValue("Asia/Shanghai") ZoneId zone) {

  public MailProperties {
    if (retryIntervals.isEmpty() || retryIntervals.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
      throw new IllegalArgumentException("gridloop.mail.retry-intervals needs at least one positive duration, e.g. PT1M,PT5M");
    }
    retryIntervals = List.copyOf(retryIntervals);
  }

  /** How many times a mail is tried before its job gets an incident. */
  public int attempts() {
    return retryIntervals.size() + 1;
  }

  /** The wait after the given failed try (1-based); the last interval repeats after manual retries. */
  public Duration delayAfterAttempt(int attempt) {
    int index = Math.min(Math.max(attempt, 1), retryIntervals.size()) - 1;
    return retryIntervals.get(index);
  }
}

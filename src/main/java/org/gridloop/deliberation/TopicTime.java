package org.gridloop.deliberation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Periods and dates of topics: engine time (ClockUtil), shown in Beijing time. */
final class TopicTime {

  static final ZoneId CITY_TIME = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private TopicTime() {
  }

  static Date now() {
    return ClockUtil.getCurrentTime();
  }

  /** When a period (ISO-8601 duration, as the timers read it) that starts now ends. */
  static Date after(Object isoPeriod) {
    if (isoPeriod == null) {
      return null;
    }
    try {
      return new DurationHelper(isoPeriod.toString()).getDateAfter();
    } catch (Exception e) {
      throw new IllegalArgumentException("not an ISO-8601 period: " + isoPeriod, e);
    }
  }

  static String show(Date date) {
    return date == null ? "—" : SHOWN.format(date.toInstant().atZone(CITY_TIME));
  }

  static int year() {
    return now().toInstant().atZone(CITY_TIME).getYear();
  }
}

package org.gridloop.privacy;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code gl_contact_read}: every look at a resident's contact data, granted or refused. */
@Repository
public class ContactReadLog {

  /** Why a look was granted: the call-back task held, or a supervisor's reason; none when refused. */
  public enum Basis { callBack, supervisor, none }

  public record Entry(String caseNumber, String userId, Date readAt, Basis basis, String taskId, String reason,
      boolean granted) {}

  static final int REASON_MAX = 500;

  private final JdbcTemplate jdbc;

  public ContactReadLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void record(Entry entry) {
    jdbc.update("""
        INSERT INTO gl_contact_read (case_number, user_id, read_at, basis, task_id, reason, granted)
        VALUES (?, ?, ?, ?, ?, ?, ?)""",
        entry.caseNumber(), entry.userId(), new Timestamp(entry.readAt().getTime()), entry.basis().name(),
        entry.taskId(), entry.reason() == null ? null : truncate(entry.reason(), REASON_MAX), entry.granted());
  }

  /** The looks at one case's contact data, newest first. */
  public List<Entry> of(String caseNumber, int limit) {
    return jdbc.query("SELECT * FROM gl_contact_read WHERE case_number = ? ORDER BY read_at DESC, id DESC",
        ps -> {
          ps.setString(1, caseNumber);
          ps.setMaxRows(limit);
        },
        (rs, i) -> new Entry(rs.getString("case_number"), rs.getString("user_id"), rs.getTimestamp("read_at"),
            Basis.valueOf(rs.getString("basis")), rs.getString("task_id"), rs.getString("reason"),
            rs.getBoolean("granted")));
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}

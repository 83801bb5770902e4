package org.gridloop.notify;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The table gl_mail_outbox. Every method runs in the caller's transaction: the engine's commands
 * run in Spring transactions on the same data source, so a row written here commits or rolls back
 * with the engine command around it.
 */
@Repository
public class OutboxRepository {

  static final int MAX_ERROR = 4000;
  private static final String COLUMNS = "id, created_at, template, recipients, subject, body, status, attempts,"
      + " last_error, last_attempt_at, next_attempt_at, sent_at, case_number, process_instance_id, job_id";

  private final JdbcTemplate jdbc;

  public OutboxRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a new mail as QUEUED; returns its id. */
  long insert(Date created, String template, List<String> to, MailTemplates.Rendered mail, String caseNumber,
      String processInstanceId, boolean confidential) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("insert into gl_mail_outbox (created_at, template, recipients,"
          + " subject, body, status, attempts, case_number, process_instance_id, confidential)"
          + " values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS);
      ps.setTimestamp(1, new Timestamp(created.getTime()));
      ps.setString(2, template);
      ps.setString(3, String.join(", ", to));
      ps.setString(4, mail.subject());
      ps.setString(5, mail.body());
      ps.setString(6, MailStatus.QUEUED.name());
      ps.setString(7, caseNumber);
      ps.setString(8, processInstanceId);
      ps.setBoolean(9, confidential);
      return ps;
    }, keys);
    // H2 returns the identity column (ID), PostgreSQL every column (id): find it by name.
    for (Map<String, Object> row : keys.getKeyList()) {
      for (Map.Entry<String, Object> column : row.entrySet()) {
        if (column.getKey().equalsIgnoreCase("id")) {
          return ((Number) column.getValue()).longValue();
        }
      }
    }
    throw new IllegalStateException("The database returned no id for the new outbox row");
  }

  void setJobId(long id, String jobId) {
    jdbc.update("update gl_mail_outbox set job_id = ? where id = ?", jobId, id);
  }

  public Optional<OutboxMail> find(long id) {
    return jdbc.query("select " + COLUMNS + " from gl_mail_outbox where id = ?", ROW, id).stream().findFirst();
  }

  /** The newest mails first, optionally of one status and/or one case (or topic) number. */
  public List<OutboxMail> search(MailStatus status, String caseNumber, int limit) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from gl_mail_outbox where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (status != null) {
      sql.append(" and status = ?");
      args.add(status.name());
    }
    if (caseNumber != null) {
      sql.append(" and case_number = ?");
      args.add(caseNumber);
    }
    sql.append(" order by id desc");
    return jdbc.query(con -> {
      PreparedStatement ps = con.prepareStatement(sql.toString());
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      ps.setMaxRows(limit);
      return ps;
    }, ROW);
  }

  /** Replaces the body of a confidential mail once it is delivered. */
  static final String WITHHELD = "（内容含个人凭证，发出后不予保存）(Body withheld after delivery: it carried a personal code.)";

  /** A try succeeded (SENT or LOGGED); a confidential mail's body is withheld from now on. */
  void markDelivered(long id, MailStatus status, Date now) {
    Timestamp at = new Timestamp(now.getTime());
    jdbc.update("update gl_mail_outbox set status = ?, attempts = attempts + 1, last_attempt_at = ?, sent_at = ?,"
        + " next_attempt_at = null, body = case when confidential then ? else body end where id = ?",
        status.name(), at, at, WITHHELD, id);
  }

  /** A try failed; returns the number of tries made so far. */
  int markFailedAttempt(long id, String error, Date now, Date nextAttempt) {
    MailStatus status = nextAttempt == null ? MailStatus.FAILED : MailStatus.RETRYING;
    // A confidential mail that will not be tried again keeps no secret either.
    jdbc.update("update gl_mail_outbox set status = ?, attempts = attempts + 1, last_error = ?, last_attempt_at = ?,"
            + " next_attempt_at = ?, body = case when confidential and ? then ? else body end where id = ?",
        status.name(), truncate(error), new Timestamp(now.getTime()),
        nextAttempt == null ? null : new Timestamp(nextAttempt.getTime()), nextAttempt == null, WITHHELD, id);
    return attempts(id);
  }

  /** Tries made so far (0 if the row is gone). */
  int attempts(long id) {
    List<Integer> attempts = jdbc.queryForList("select attempts from gl_mail_outbox where id = ?", Integer.class, id);
    return attempts.isEmpty() ? 0 : attempts.get(0);
  }

  /** The job of a mail not yet sent was deleted: it will not go out. */
  void markCancelled(long id) {
    jdbc.update("update gl_mail_outbox set status = ?, next_attempt_at = null where id = ? and status in (?, ?)",
        MailStatus.CANCELLED.name(), id, MailStatus.QUEUED.name(), MailStatus.RETRYING.name());
  }

  static String truncate(String text) {
    if (text == null || text.length() <= MAX_ERROR) {
      return text;
    }
    return text.substring(0, MAX_ERROR - 1) + "…";
  }

  private static final RowMapper<OutboxMail> ROW = (ResultSet rs, int n) -> new OutboxMail(
      rs.getLong("id"),
      instant(rs, "created_at"),
      rs.getString("template"),
      recipients(rs.getString("recipients")),
      rs.getString("subject"),
      rs.getString("body"),
      MailStatus.valueOf(rs.getString("status")),
      rs.getInt("attempts"),
      rs.getString("last_error"),
      instant(rs, "last_attempt_at"),
      instant(rs, "next_attempt_at"),
      instant(rs, "sent_at"),
      rs.getString("case_number"),
      rs.getString("process_instance_id"),
      rs.getString("job_id"));

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static List<String> recipients(String joined) {
    return Arrays.stream(joined.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}

package org.gridloop.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The table gl_password_link: one row per link to set a password, holding only the hash of its
 * token. Every method runs in the caller's transaction.
 */
@Repository
public class PasswordLinkRepository {

  /** Where a link stands. */
  public enum Status {
    /** Asked for (by the identity sync, before mail can be sent); mailed right after startup. */
    PENDING,
    /** Mailed; opens the page until it expires. */
    ISSUED,
    USED,
    /** A newer link was sent to the same person. */
    REPLACED,
    /** Could not be mailed: the person has no e-mail address (or is gone). */
    UNSENT
  }

  /** Why a link was sent. */
  public enum Reason { NEW_STAFF, DEMO_PASSWORD_REPLACED, ADMINISTRATOR }

  /** One link. */
  public record Link(long id, String userId, Status status, Reason reason, Date createdAt, String createdBy,
      Date expiresAt, Date usedAt) {}

  private static final String COLUMNS = "id, user_id, status, reason, created_at, created_by, expires_at, used_at";

  private final JdbcTemplate jdbc;

  public PasswordLinkRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Asks for a link to be mailed after startup (the identity sync runs before mail can be queued). */
  public void requestPending(String userId, Reason reason, String by) {
    jdbc.update("insert into gl_password_link (user_id, status, reason, created_at, created_by) values (?, ?, ?, ?, ?)",
        userId, Status.PENDING.name(), reason.name(), now(), by);
  }

  /** The people with a link still to be mailed, each with the reason of their latest request. */
  List<Link> pending() {
    return jdbc.query("select " + COLUMNS + " from gl_password_link p where status = ? and id = (select max(id)"
        + " from gl_password_link q where q.user_id = p.user_id and q.status = ?) order by id",
        ROW, Status.PENDING.name(), Status.PENDING.name());
  }

  /**
   * Ends the person's open links (pending or issued) before a new one is sent; returns how many
   * pending ones this call ended, so that of two nodes mailing the same pending link only one does.
   */
  int replaceOpen(String userId) {
    int pending = jdbc.update("update gl_password_link set status = ? where user_id = ? and status = ?",
        Status.REPLACED.name(), userId, Status.PENDING.name());
    jdbc.update("update gl_password_link set status = ? where user_id = ? and status = ?",
        Status.REPLACED.name(), userId, Status.ISSUED.name());
    return pending;
  }

  void markPendingUnsent(String userId) {
    jdbc.update("update gl_password_link set status = ? where user_id = ? and status = ?",
        Status.UNSENT.name(), userId, Status.PENDING.name());
  }

  void insertIssued(String userId, Reason reason, String by, String tokenHash, Date expiresAt) {
    jdbc.update("insert into gl_password_link (user_id, status, reason, token_hash, created_at, created_by, expires_at)"
        + " values (?, ?, ?, ?, ?, ?, ?)", userId, Status.ISSUED.name(), reason.name(), tokenHash, now(), by,
        new Timestamp(expiresAt.getTime()));
  }

  Optional<Link> findByTokenHash(String tokenHash) {
    return jdbc.query("select " + COLUMNS + " from gl_password_link where token_hash = ?", ROW, tokenHash)
        .stream().findFirst();
  }

  /** Marks an issued link used; false when it was no longer issued (used meanwhile, or replaced). */
  boolean markUsed(long id) {
    return jdbc.update("update gl_password_link set status = ?, used_at = ? where id = ? and status = ?",
        Status.USED.name(), now(), id, Status.ISSUED.name()) == 1;
  }

  /** Every link of a person, newest first (for tests and administrators). */
  public List<Link> of(String userId) {
    return jdbc.query("select " + COLUMNS + " from gl_password_link where user_id = ? order by id desc", ROW, userId);
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  private static final RowMapper<Link> ROW = (ResultSet rs, int n) -> new Link(
      rs.getLong("id"),
      rs.getString("user_id"),
      Status.valueOf(rs.getString("status")),
      Reason.valueOf(rs.getString("reason")),
      date(rs, "created_at"),
      rs.getString("created_by"),
      date(rs, "expires_at"),
      date(rs, "used_at"));

  private static Date date(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : new Date(timestamp.getTime());
  }
}

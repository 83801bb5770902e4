package org.gridloop.casework;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Repository;

/**
 * GridLoop's record of each grid-call case: the case row, one row per step (user task) and the
 * timeline of events. Written in the engine's transaction (same DataSource, Spring-managed), so a
 * case's record and its process state commit or roll back together.
 */
@Repository
public class CaseRecords {

  /** A case as stored; personal data included (mask before showing it to the public). */
  public record CaseRow(String caseNumber, String processInstanceId, String category, String urgency,
      String gridId, String communityId, String streetId, String channel, String description, String address,
      String reporterName, String reporterPhone, String reporterEmail, String ratingToken, String status,
      String level, boolean escalated, int reopenCount, String outcome, String rating, String ratingComment,
      Date createdAt, Date closedAt, String topicNumber) {}

  public record StepRow(String id, String step, String stepName, String level, String unitGroup, String department,
      Date startedAt, Date dueAt, Date endedAt, Boolean onTime, String outcome, String actor) {}

  public record EventRow(Date at, String kind, String step, String unitGroup, String actor, String detail,
      boolean publicNote) {}

  /** A client's key for one report on its channel, and the hash of the report it came with. */
  public record RequestKey(String requestId, String reportHash) {}

  /** The case a channel's request id was first used for (reportHash null for cases stored before V8). */
  public record KeyedCase(String caseNumber, String reportHash) {}

  private final JdbcTemplate jdbc;
  private final DataFieldMaxValueIncrementer caseSequence;

  public CaseRecords(JdbcTemplate jdbc, DataSource dataSource) throws java.sql.SQLException {
    this.jdbc = jdbc;
    String product;
    try (var connection = dataSource.getConnection()) {
      product = connection.getMetaData().getDatabaseProductName();
    }
    this.caseSequence = product.toLowerCase().contains("postgres")
        ? new PostgresSequenceMaxValueIncrementer(dataSource, "gl_case_seq")
        : new H2SequenceMaxValueIncrementer(dataSource, "gl_case_seq");
  }

  /** The next case number, {@code GC-<year>-<6 digits>}. */
  public String nextCaseNumber(int year) {
    return String.format("GC-%d-%06d", year, caseSequence.nextLongValue());
  }

  /** Stores a new case; {@code request} (or null) is unique per channel: a second one fails with DuplicateKeyException. */
  public void insert(CaseRow c, RequestKey request, Double latitude, Double longitude) {
    jdbc.update("""
        INSERT INTO gl_case (case_number, process_instance_id, request_id, request_hash, category, urgency, grid_id,
          community_id, street_id, channel, description, address, latitude, longitude, reporter_name, reporter_phone,
          reporter_email, rating_token, status, level, created_at, topic_number)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        c.caseNumber(), c.processInstanceId(), request == null ? null : request.requestId(),
        request == null ? null : request.reportHash(), c.category(), c.urgency(), c.gridId(), c.communityId(),
        c.streetId(), c.channel(), c.description(), c.address(), latitude, longitude, c.reporterName(),
        c.reporterPhone(), c.reporterEmail(), c.ratingToken(), c.status(), c.level(), ts(c.createdAt()),
        c.topicNumber());
  }

  public void setProcessInstance(String caseNumber, String processInstanceId) {
    jdbc.update("UPDATE gl_case SET process_instance_id = ? WHERE case_number = ?", processInstanceId, caseNumber);
  }

  public Optional<CaseRow> find(String caseNumber) {
    return jdbc.query("SELECT * FROM gl_case WHERE case_number = ?", (rs, i) -> new CaseRow(
        rs.getString("case_number"), rs.getString("process_instance_id"), rs.getString("category"),
        rs.getString("urgency"), rs.getString("grid_id"), rs.getString("community_id"), rs.getString("street_id"),
        rs.getString("channel"), rs.getString("description"), rs.getString("address"), rs.getString("reporter_name"),
        rs.getString("reporter_phone"), rs.getString("reporter_email"), rs.getString("rating_token"),
        rs.getString("status"), rs.getString("level"), rs.getBoolean("escalated"), rs.getInt("reopen_count"),
        rs.getString("outcome"), rs.getString("rating"), rs.getString("rating_comment"),
        rs.getTimestamp("created_at"), rs.getTimestamp("closed_at"), rs.getString("topic_number")),
        caseNumber).stream().findFirst();
  }

  public Optional<KeyedCase> findByRequestId(String channel, String requestId) {
    return jdbc.query("SELECT case_number, request_hash FROM gl_case WHERE channel = ? AND request_id = ?",
        (rs, i) -> new KeyedCase(rs.getString("case_number"), rs.getString("request_hash")), channel, requestId)
        .stream().findFirst();
  }

  public void setStatus(String caseNumber, String status, String level) {
    jdbc.update("UPDATE gl_case SET status = ?, level = COALESCE(?, level) WHERE case_number = ?",
        status, level, caseNumber);
  }

  public void flagEscalated(String caseNumber) {
    jdbc.update("UPDATE gl_case SET escalated = TRUE WHERE case_number = ?", caseNumber);
  }

  public void setReopenCount(String caseNumber, int reopenCount) {
    jdbc.update("UPDATE gl_case SET reopen_count = ?, escalated = TRUE WHERE case_number = ?", reopenCount, caseNumber);
  }

  public void setOutcome(String caseNumber, String outcome) {
    jdbc.update("UPDATE gl_case SET outcome = ? WHERE case_number = ?", truncate(outcome, 4000), caseNumber);
  }

  public void setRating(String caseNumber, String rating, String comment) {
    jdbc.update("UPDATE gl_case SET rating = ?, rating_comment = ? WHERE case_number = ?", rating,
        comment == null ? null : truncate(comment, 1000), caseNumber);
  }

  public void close(String caseNumber, String status, Date closedAt) {
    jdbc.update("UPDATE gl_case SET status = ?, closed_at = ? WHERE case_number = ?", status, ts(closedAt), caseNumber);
  }

  public void startStep(String id, String caseNumber, String step, String stepName, String level, String unitGroup,
      String department, String streetId, Date startedAt, Date dueAt) {
    jdbc.update("""
        INSERT INTO gl_case_step (id, case_number, step, step_name, level, unit_group, department, street_id,
          started_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, caseNumber, step, stepName, level, unitGroup, department, streetId, ts(startedAt), ts(dueAt));
  }

  public void endStep(String id, Date endedAt, String outcome, String actor) {
    jdbc.update("""
        UPDATE gl_case_step SET ended_at = ?, outcome = ?, actor = ?,
          on_time = CASE WHEN due_at IS NULL OR ? <= due_at THEN TRUE ELSE FALSE END
        WHERE id = ?""", ts(endedAt), outcome, actor, ts(endedAt), id);
  }

  public List<StepRow> steps(String caseNumber) {
    return jdbc.query("SELECT * FROM gl_case_step WHERE case_number = ? ORDER BY started_at, id", (rs, i) ->
        new StepRow(rs.getString("id"), rs.getString("step"), rs.getString("step_name"), rs.getString("level"),
            rs.getString("unit_group"), rs.getString("department"), rs.getTimestamp("started_at"),
            rs.getTimestamp("due_at"), rs.getTimestamp("ended_at"), (Boolean) rs.getObject("on_time"),
            rs.getString("outcome"), rs.getString("actor")), caseNumber);
  }

  public void addEvent(String caseNumber, Date at, String kind, String step, String unitGroup, String actor,
      String detail, boolean publicNote) {
    jdbc.update("""
        INSERT INTO gl_case_event (case_number, at, kind, step, unit_group, actor, detail, public_note)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        caseNumber, ts(at), kind, step, unitGroup, actor, detail == null ? null : truncate(detail, 1000), publicNote);
  }

  public List<EventRow> events(String caseNumber) {
    return jdbc.query("SELECT * FROM gl_case_event WHERE case_number = ? ORDER BY at, id", (rs, i) ->
        new EventRow(rs.getTimestamp("at"), rs.getString("kind"), rs.getString("step"), rs.getString("unit_group"),
            rs.getString("actor"), rs.getString("detail"), rs.getBoolean("public_note")), caseNumber);
  }

  /** Counts per step of a case, for tests and reports. */
  public List<Map<String, Object>> stepFacts(String caseNumber) {
    return jdbc.queryForList("SELECT step, level, on_time, outcome FROM gl_case_step WHERE case_number = ? "
        + "ORDER BY started_at, id", caseNumber);
  }

  private static Timestamp ts(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }

  /** Texts longer than their column are cut rather than failing the step that stores them. */
  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}

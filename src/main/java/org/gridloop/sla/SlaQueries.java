package org.gridloop.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SLA figures, read from GridLoop's own case records (gl_case, gl_case_step, gl_case_event),
 * never from the engine's history. A step is open while its ended_at is null; a case is open at a
 * level while it has an open step there. Every query is bounded by the indexes of
 * V4__sla_indexes.sql: open steps are reached through {@code ended_at IS NULL}, escalations through
 * their time, this month's steps through their end time.
 */
@Repository
public class SlaQueries {

  /** Open cases of one group (a level, a street or a department). */
  public record OpenCount(String key, long openCases, long overdueCases, long dueSoonCases, long awaitingReportIn) {}

  /** One open step with its case: what the overdue and due-soon lists and the drill-down show. */
  public record StepRow(String caseNumber, String processInstanceId, String category, String caseStatus,
      boolean escalated, String stepId, String step, String stepName, String level, String unitGroup,
      String department, String streetId, Instant startedAt, Instant dueAt, Instant endedAt, Boolean onTime) {}

  /** One escalation (a deadline that passed) with its case. */
  public record EscalationRow(long id, String caseNumber, String processInstanceId, String caseStatus, String kind,
      String step, String unitGroup, Instant at, String reason) {}

  /** Steps with a deadline that ended in a period, per level. */
  public record OnTimeCount(String level, long ended, long onTime) {}

  /** Which open steps a list or drill-down shows. */
  public enum State { open, overdue, dueSoon, lateThisPeriod }

  /** Filters of the drill-down; null means any. */
  public record StepFilter(String level, String streetId, String department) {}

  /** Escalation kinds end in "Overdue" (gridOverdue, streetOverdue, reportInOverdue, departmentOverdue). */
  static final String ESCALATION_KIND_PATTERN = "%Overdue";

  private final JdbcTemplate jdbc;

  public SlaQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Open, overdue and due-within-the-window cases per level (grid, street, department, district). */
  public List<OpenCount> openByLevel(Instant now, Instant soon) {
    return openBy("level", "", now, soon);
  }

  /** The same per street; a case belongs to one street, so these add up to the totals. */
  public List<OpenCount> openByStreet(Instant now, Instant soon) {
    return openBy("street_id", "", now, soon);
  }

  /** The same per department, for the department level's steps (report-in and handling). */
  public List<OpenCount> openByDepartment(Instant now, Instant soon) {
    return openBy("department", " AND level = 'department' AND department IS NOT NULL", now, soon);
  }

  /**
   * Counts cases, not steps, per group: the open steps are first folded per (group, case) with
   * flags (any step overdue, any due soon, any report-in), then counted: two hash aggregations
   * over the open steps (gl_case_step_open_ix); COUNT(DISTINCT …) would sort them once per figure.
   */
  private List<OpenCount> openBy(String column, String condition, Instant now, Instant soon) {
    return jdbc.query("""
        SELECT k, COUNT(*) AS open_cases, SUM(overdue) AS overdue_cases, SUM(soon) AS due_soon_cases,
          SUM(report_in) AS report_in
        FROM (
          SELECT %s AS k, case_number,
            MAX(CASE WHEN due_at < ? THEN 1 ELSE 0 END) AS overdue,
            MAX(CASE WHEN due_at >= ? AND due_at < ? THEN 1 ELSE 0 END) AS soon,
            MAX(CASE WHEN step = 'department-report-in' THEN 1 ELSE 0 END) AS report_in
          FROM gl_case_step WHERE ended_at IS NULL%s
          GROUP BY %s, case_number) per_case
        GROUP BY k""".formatted(column, condition, column),
        SlaQueries::openCount, ts(now), ts(now), ts(soon));
  }

  /** Cases waiting for the resident's rating: no step is open, the case is not closed. */
  public long awaitingRating() {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM gl_case WHERE status = 'awaitingRating'", Long.class);
    return count == null ? 0 : count;
  }

  /** How many open steps are in a state (overdue: due before now; dueSoon: due from now until soon). */
  public long countSteps(State state, StepFilter filter, Instant now, Instant soon, Instant periodStart) {
    List<Object> args = new ArrayList<>();
    String where = where(state, filter, now, soon, periodStart, args);
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM gl_case_step s WHERE " + where, Long.class, args.toArray());
    return count == null ? 0 : count;
  }

  /** Open steps in a state with their cases, the most urgent first, at most {@code limit}. */
  public List<StepRow> steps(State state, StepFilter filter, Instant now, Instant soon, Instant periodStart,
      int limit) {
    List<Object> args = new ArrayList<>();
    String where = where(state, filter, now, soon, periodStart, args);
    // In index order, so the database reads only the first rows: open steps by (ended_at, due_at,
    // id) with ended_at null; this month's ended ones backwards by ended_at.
    String order = state == State.lateThisPeriod ? "s.ended_at DESC" : "s.ended_at, s.due_at, s.id";
    args.add(limit);
    return jdbc.query("""
        SELECT s.id, s.case_number, s.step, s.step_name, s.level, s.unit_group, s.department, s.street_id,
          s.started_at, s.due_at, s.ended_at, s.on_time,
          c.process_instance_id, c.category, c.status, c.escalated
        FROM gl_case_step s JOIN gl_case c ON c.case_number = s.case_number
        WHERE\s""" + where + " ORDER BY " + order + " LIMIT ?", SlaQueries::stepRow, args.toArray());
  }

  private static String where(State state, StepFilter filter, Instant now, Instant soon, Instant periodStart,
      List<Object> args) {
    StringBuilder where = new StringBuilder();
    switch (state) {
      case open -> where.append("s.ended_at IS NULL");
      case overdue -> {
        where.append("s.ended_at IS NULL AND s.due_at < ?");
        args.add(ts(now));
      }
      case dueSoon -> {
        where.append("s.ended_at IS NULL AND s.due_at >= ? AND s.due_at < ?");
        args.add(ts(now));
        args.add(ts(soon));
      }
      case lateThisPeriod -> {
        where.append("s.ended_at >= ? AND s.ended_at <= ? AND s.on_time = FALSE");
        args.add(ts(periodStart));
        args.add(ts(now));
      }
    }
    if (filter.level() != null) {
      where.append(" AND s.level = ?");
      args.add(filter.level());
    }
    if (filter.streetId() != null) {
      where.append(" AND s.street_id = ?");
      args.add(filter.streetId());
    }
    if (filter.department() != null) {
      where.append(" AND s.department = ?");
      args.add(filter.department());
    }
    return where.toString();
  }

  /** Escalations since a moment, the latest first, at most {@code limit}. */
  public List<EscalationRow> escalations(Instant since, Instant until, int limit) {
    return jdbc.query("""
        SELECT e.id, e.case_number, e.kind, e.step, e.unit_group, e.at, e.detail,
          c.process_instance_id, c.status
        FROM gl_case_event e LEFT JOIN gl_case c ON c.case_number = e.case_number
        WHERE e.at >= ? AND e.at <= ? AND e.kind LIKE ?
        ORDER BY e.at DESC, e.id DESC LIMIT ?""",
        (rs, i) -> new EscalationRow(rs.getLong("id"), rs.getString("case_number"),
            rs.getString("process_instance_id"), rs.getString("status"), rs.getString("kind"), rs.getString("step"),
            rs.getString("unit_group"), instant(rs, "at"), rs.getString("detail")),
        ts(since), ts(until), ESCALATION_KIND_PATTERN, limit);
  }

  /** Escalations since a moment, per kind. */
  public List<Object[]> escalationsByKind(Instant since, Instant until) {
    return jdbc.query("""
        SELECT kind, COUNT(*) AS n FROM gl_case_event
        WHERE at >= ? AND at <= ? AND kind LIKE ? GROUP BY kind ORDER BY kind""",
        (rs, i) -> new Object[] {rs.getString("kind"), rs.getLong("n")},
        ts(since), ts(until), ESCALATION_KIND_PATTERN);
  }

  /**
   * Steps with a deadline that ended in [from, until], per level, and how many of them ended in
   * time. A step cancelled before its deadline (its process was cancelled, a branch was withdrawn)
   * neither met nor missed it and is left out; a step its own deadline took away (an interrupting
   * escalation) ended late and counts as missed.
   */
  public List<OnTimeCount> onTimeByLevel(Instant from, Instant until) {
    return jdbc.query("""
        SELECT level, COUNT(*) AS ended, SUM(CASE WHEN on_time THEN 1 ELSE 0 END) AS on_time
        FROM gl_case_step
        WHERE ended_at >= ? AND ended_at <= ? AND due_at IS NOT NULL
          AND NOT (on_time = TRUE AND COALESCE(outcome, '') = 'cancelled')
        GROUP BY level""",
        (rs, i) -> new OnTimeCount(rs.getString("level"), rs.getLong("ended"), rs.getLong("on_time")),
        ts(from), ts(until));
  }

  private static OpenCount openCount(ResultSet rs, int i) throws SQLException {
    return new OpenCount(rs.getString("k"), rs.getLong("open_cases"), rs.getLong("overdue_cases"),
        rs.getLong("due_soon_cases"), rs.getLong("report_in"));
  }

  private static StepRow stepRow(ResultSet rs, int i) throws SQLException {
    return new StepRow(rs.getString("case_number"), rs.getString("process_instance_id"), rs.getString("category"),
        rs.getString("status"), rs.getBoolean("escalated"), rs.getString("id"), rs.getString("step"),
        rs.getString("step_name"), rs.getString("level"), rs.getString("unit_group"), rs.getString("department"),
        rs.getString("street_id"), instant(rs, "started_at"), instant(rs, "due_at"), instant(rs, "ended_at"),
        (Boolean) rs.getObject("on_time"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}

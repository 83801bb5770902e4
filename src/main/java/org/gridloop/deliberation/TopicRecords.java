package org.gridloop.deliberation;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Repository;

/**
 * GridLoop's public record of each topic (V3__deliberation.sql): the topic row with its stage and
 * facts, opinions, each vote round's electorate, vote codes (hashed; the council's with who issued them,
 * when and why), ballots (marked when cast with a council-issued code) and tally, the
 * implementation items with their spending, and the evaluations. Written in the engine's
 * transaction when called from a delegate (same Spring-managed DataSource), so the record and the
 * process state commit or roll back together.
 */
@Repository
public class TopicRecords {

  /** A topic as stored; personal data included (mask it before showing it to the public). */
  public record TopicRow(String topicNumber, String processInstanceId, String title, String description,
      String level, String scopeId, String matterType, BigDecimal estimatedCost, String proposerName,
      String proposerEmail, String proposedBy, String stage, String reviewOutcome, String reviewComment,
      String rejectReason, String mergedInto, String voteRule, Date noticeOpensAt, Date noticeClosesAt,
      String meetingDate, String meetingParticipants, String meetingMinutes, int voteRound, Date voteOpensAt,
      Date voteClosesAt, Boolean votePassed, String rerunComment, Date evaluationOpensAt,
      Date evaluationClosesAt, Date createdAt, Date endedAt, Date disclosedAt, boolean archived,
      Date archivedAt) {
  }

  public record OpinionRow(long id, String authorName, String text, String mergedFrom, Date createdAt) {
  }

  /** The vote code mailed to an owner when the round opened (its hash). */
  public record VoterRow(String ownerId, String codeHash, Date codeIssuedAt) {
  }

  /** A vote code a council issued in an owner's name: who, when, why; whether the owner was told. */
  public record CouncilCodeRow(long id, int round, String ownerId, String codeHash, String issuedBy, Date issuedAt,
      String reason, boolean ownerNotified) {
  }

  /** A ballot; {@code councilCodeId} names the council-issued code it was cast with (null: the owner's own code). */
  public record BallotRow(String ownerId, String unitId, String choice, Date castAt, int changes, Long councilCodeId) {
  }

  /** How many codes the council issued in a round, and how many of its ballots were cast with one. */
  public record CouncilCodeCounts(int codesIssued, int ballotsCast) {
  }

  public record TallyRow(int round, boolean passed, boolean quorumMet, String result, Date talliedAt) {
  }

  public record ItemRow(int itemNumber, String title, String responsibleParty, String departmentCode,
      String description, String linkedCaseNumber, String outcome, BigDecimal spentAmount, String payee,
      String purpose, String spentOn, Date doneAt) {
  }

  public record EvaluationRow(String rating, String comment, Date createdAt) {
  }

  private final JdbcTemplate jdbc;
  private final DataFieldMaxValueIncrementer topicSequence;

  public TopicRecords(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
    this.jdbc = jdbc;
    String product;
    try (var connection = dataSource.getConnection()) {
      product = connection.getMetaData().getDatabaseProductName();
    }
    this.topicSequence = product.toLowerCase(Locale.ROOT).contains("postgres")
        ? new PostgresSequenceMaxValueIncrementer(dataSource, "gl_topic_seq")
        : new H2SequenceMaxValueIncrementer(dataSource, "gl_topic_seq");
  }

  /** The next topic number, {@code YS-<year>-<6 digits>} (议事). */
  public String nextTopicNumber(int year) {
    return String.format("YS-%d-%06d", year, topicSequence.nextLongValue());
  }

  // --- topic ---------------------------------------------------------------------------------

  public void insert(TopicRow t) {
    jdbc.update("""
        INSERT INTO gl_topic (topic_number, title, description, level, scope_id, matter_type, estimated_cost,
         proposer_name, proposer_email, proposed_by, stage, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        t.topicNumber(), t.title(), t.description(), t.level(), t.scopeId(), t.matterType(),
        t.estimatedCost(), t.proposerName(), t.proposerEmail(), t.proposedBy(), t.stage(), ts(t.createdAt()));
  }

  public void setProcessInstance(String topicNumber, String processInstanceId) {
    jdbc.update("UPDATE gl_topic SET process_instance_id = ? WHERE topic_number = ?", processInstanceId, topicNumber);
  }

  public Optional<TopicRow> find(String topicNumber) {
    return jdbc.query("SELECT * FROM gl_topic WHERE topic_number = ?", TopicRecords::topic, topicNumber)
        .stream().findFirst();
  }

  /**
   * Locks the topic's row until the transaction ends: ballots, opinions and evaluations take the
   * lock before they check that their period is open, and the tally takes it before it counts, so
   * no ballot slips in beside a closing vote.
   *
   * @return whether the topic exists
   */
  public boolean lock(String topicNumber) {
    return !jdbc.queryForList("SELECT topic_number FROM gl_topic WHERE topic_number = ? FOR UPDATE",
        String.class, topicNumber).isEmpty();
  }

  public void setStage(String topicNumber, String stage) {
    jdbc.update("UPDATE gl_topic SET stage = ? WHERE topic_number = ?", stage, topicNumber);
  }

  public void end(String topicNumber, String stage, Date at) {
    jdbc.update("UPDATE gl_topic SET stage = ?, ended_at = ? WHERE topic_number = ?", stage, ts(at), topicNumber);
  }

  public void setReview(String topicNumber, String outcome, String comment, String rejectReason, String mergedInto) {
    jdbc.update("""
        UPDATE gl_topic SET review_outcome = ?, review_comment = ?, reject_reason = ?, merged_into = ?
        WHERE topic_number = ?""", outcome, comment, rejectReason, mergedInto, topicNumber);
  }

  public void setVoteRule(String topicNumber, String voteRuleJson) {
    jdbc.update("UPDATE gl_topic SET vote_rule = ? WHERE topic_number = ?", voteRuleJson, topicNumber);
  }

  public void setNoticeWindow(String topicNumber, Date opensAt, Date closesAt) {
    jdbc.update("UPDATE gl_topic SET notice_opens_at = COALESCE(?, notice_opens_at), notice_closes_at = ? "
        + "WHERE topic_number = ?", ts(opensAt), ts(closesAt), topicNumber);
  }

  public void setVoteWindow(String topicNumber, Date opensAt, Date closesAt) {
    jdbc.update("UPDATE gl_topic SET vote_opens_at = COALESCE(?, vote_opens_at), vote_closes_at = ? "
        + "WHERE topic_number = ?", ts(opensAt), ts(closesAt), topicNumber);
  }

  public void setEvaluationWindow(String topicNumber, Date opensAt, Date closesAt) {
    jdbc.update("UPDATE gl_topic SET evaluation_opens_at = COALESCE(?, evaluation_opens_at), "
        + "evaluation_closes_at = ? WHERE topic_number = ?", ts(opensAt), ts(closesAt), topicNumber);
  }

  public void setMeeting(String topicNumber, String date, String participants, String minutes) {
    jdbc.update("UPDATE gl_topic SET meeting_date = ?, meeting_participants = ?, meeting_minutes = ? "
        + "WHERE topic_number = ?", date, participants, minutes, topicNumber);
  }

  public void setVoteRound(String topicNumber, int round) {
    jdbc.update("UPDATE gl_topic SET vote_round = ?, vote_passed = NULL WHERE topic_number = ?", round, topicNumber);
  }

  public void setVotePassed(String topicNumber, boolean passed) {
    jdbc.update("UPDATE gl_topic SET vote_passed = ? WHERE topic_number = ?", passed, topicNumber);
  }

  public void setRerunComment(String topicNumber, String comment) {
    jdbc.update("UPDATE gl_topic SET rerun_comment = ? WHERE topic_number = ?", comment, topicNumber);
  }

  public void disclosed(String topicNumber, Date at) {
    jdbc.update("UPDATE gl_topic SET disclosed_at = ? WHERE topic_number = ?", ts(at), topicNumber);
  }

  public void archived(String topicNumber, Date at) {
    jdbc.update("UPDATE gl_topic SET archived = TRUE, archived_at = ? WHERE topic_number = ?", ts(at), topicNumber);
  }

  /** The topics merged into this one. */
  public List<String> mergedInto(String topicNumber) {
    return jdbc.queryForList("SELECT topic_number FROM gl_topic WHERE merged_into = ? ORDER BY topic_number",
        String.class, topicNumber);
  }

  // --- opinions ------------------------------------------------------------------------------

  public void addOpinion(String topicNumber, String authorName, String text, Date at) {
    jdbc.update("INSERT INTO gl_topic_opinion (topic_number, author_name, opinion_text, created_at) VALUES (?, ?, ?, ?)",
        topicNumber, authorName, text, ts(at));
  }

  /** Moves the opinions of a merged topic to the topic it was merged into, noting where they came from. */
  public int moveOpinions(String from, String to) {
    return jdbc.update("UPDATE gl_topic_opinion SET topic_number = ?, merged_from = COALESCE(merged_from, ?) "
        + "WHERE topic_number = ?", to, from, from);
  }

  public List<OpinionRow> opinions(String topicNumber) {
    return jdbc.query("SELECT * FROM gl_topic_opinion WHERE topic_number = ? ORDER BY created_at, id",
        (rs, i) -> new OpinionRow(rs.getLong("id"), rs.getString("author_name"), rs.getString("opinion_text"),
            rs.getString("merged_from"), rs.getTimestamp("created_at")), topicNumber);
  }

  // --- electorate, vote codes, ballots, tallies ------------------------------------------------

  public void addElectors(String topicNumber, int round, Collection<OwnersRegister.Unit> units) {
    List<Object[]> rows = new ArrayList<>();
    for (OwnersRegister.Unit unit : units) {
      rows.add(new Object[] {topicNumber, round, unit.unitId(), unit.ownerId(), unit.area()});
    }
    jdbc.batchUpdate("INSERT INTO gl_topic_elector (topic_number, round_no, unit_id, owner_id, area) "
        + "VALUES (?, ?, ?, ?, ?)", rows);
  }

  /** The units of a round's electorate as fixed when it opened (owner names are not kept here). */
  public List<OwnersRegister.Unit> electors(String topicNumber, int round) {
    return jdbc.query("SELECT * FROM gl_topic_elector WHERE topic_number = ? AND round_no = ? ORDER BY unit_id",
        (rs, i) -> new OwnersRegister.Unit(rs.getString("unit_id"), rs.getString("owner_id"),
            rs.getString("owner_id"), null, rs.getBigDecimal("area")), topicNumber, round);
  }

  /** Stores the hash of the code mailed to the owner for the round (a repeated opening replaces it). */
  public void saveVoterCode(String topicNumber, int round, String ownerId, String codeHash, Date at) {
    int updated = jdbc.update("UPDATE gl_topic_voter SET code_hash = ?, code_issued_at = ? "
        + "WHERE topic_number = ? AND round_no = ? AND owner_id = ?", codeHash, ts(at), topicNumber, round, ownerId);
    if (updated == 0) {
      jdbc.update("INSERT INTO gl_topic_voter (topic_number, round_no, owner_id, code_hash, code_issued_at) "
          + "VALUES (?, ?, ?, ?, ?)", topicNumber, round, ownerId, codeHash, ts(at));
    }
  }

  public Optional<VoterRow> voter(String topicNumber, int round, String ownerId) {
    return jdbc.query("SELECT * FROM gl_topic_voter WHERE topic_number = ? AND round_no = ? AND owner_id = ?",
        (rs, i) -> new VoterRow(rs.getString("owner_id"), rs.getString("code_hash"), rs.getTimestamp("code_issued_at")),
        topicNumber, round, ownerId).stream().findFirst();
  }

  /** Records a code the council issued in the owner's name; returns its id. */
  public long addCouncilCode(String topicNumber, int round, String ownerId, String codeHash, String issuedBy,
      Date at, String reason, boolean ownerNotified) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("INSERT INTO gl_topic_council_code (topic_number, round_no, "
          + "owner_id, code_hash, issued_by, issued_at, reason, owner_notified) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          new String[] {"id"});
      ps.setString(1, topicNumber);
      ps.setInt(2, round);
      ps.setString(3, ownerId);
      ps.setString(4, codeHash);
      ps.setString(5, issuedBy);
      ps.setTimestamp(6, ts(at));
      ps.setString(7, reason);
      ps.setBoolean(8, ownerNotified);
      return ps;
    }, keys);
    return Objects.requireNonNull(keys.getKey(), "no id generated for the council code").longValue();
  }

  /** The council codes issued for a topic, in the order issued (for one owner: the last one counts). */
  public List<CouncilCodeRow> councilCodes(String topicNumber, int round, String ownerId) {
    return jdbc.query("SELECT * FROM gl_topic_council_code WHERE topic_number = ? AND round_no = ? AND owner_id = ? "
        + "ORDER BY id", TopicRecords::councilCode, topicNumber, round, ownerId);
  }

  public Optional<CouncilCodeRow> latestCouncilCode(String topicNumber, int round, String ownerId) {
    List<CouncilCodeRow> codes = councilCodes(topicNumber, round, ownerId);
    return codes.isEmpty() ? Optional.empty() : Optional.of(codes.get(codes.size() - 1));
  }

  /** Per round of the topic: council codes issued and ballots cast with one (rounds without either are absent). */
  public Map<Integer, CouncilCodeCounts> councilCodeCounts(String topicNumber) {
    Map<Integer, CouncilCodeCounts> counts = new TreeMap<>();
    jdbc.query("SELECT round_no, COUNT(*) AS n FROM gl_topic_council_code WHERE topic_number = ? GROUP BY round_no",
        (RowCallbackHandler) rs -> counts.put(rs.getInt("round_no"), new CouncilCodeCounts(rs.getInt("n"), 0)),
        topicNumber);
    jdbc.query("SELECT round_no, COUNT(*) AS n FROM gl_topic_ballot WHERE topic_number = ? "
        + "AND council_code_id IS NOT NULL GROUP BY round_no",
        (RowCallbackHandler) rs -> counts.merge(rs.getInt("round_no"), new CouncilCodeCounts(0, rs.getInt("n")),
            (issued, cast) -> new CouncilCodeCounts(issued.codesIssued(), cast.ballotsCast())),
        topicNumber);
    return counts;
  }

  /**
   * Stores the owner's ballot for the round, replacing an earlier one.
   *
   * @param councilCodeId the council-issued code it is cast with, or null for the owner's own code
   * @return whether an earlier ballot was replaced
   */
  public boolean castBallot(String topicNumber, int round, String ownerId, String unitId, String choice, Date at,
      Long councilCodeId) {
    int updated = jdbc.update("UPDATE gl_topic_ballot SET choice = ?, unit_id = ?, cast_at = ?, changes = changes + 1, "
        + "council_code_id = ? WHERE topic_number = ? AND round_no = ? AND owner_id = ?", choice, unitId, ts(at),
        councilCodeId, topicNumber, round, ownerId);
    if (updated > 0) {
      return true;
    }
    jdbc.update("INSERT INTO gl_topic_ballot (topic_number, round_no, owner_id, unit_id, choice, cast_at, "
        + "council_code_id) VALUES (?, ?, ?, ?, ?, ?, ?)", topicNumber, round, ownerId, unitId, choice, ts(at),
        councilCodeId);
    return false;
  }

  public Optional<BallotRow> ballot(String topicNumber, int round, String ownerId) {
    return jdbc.query("SELECT * FROM gl_topic_ballot WHERE topic_number = ? AND round_no = ? AND owner_id = ?",
        TopicRecords::ballot, topicNumber, round, ownerId).stream().findFirst();
  }

  public List<BallotRow> ballots(String topicNumber, int round) {
    return jdbc.query("SELECT * FROM gl_topic_ballot WHERE topic_number = ? AND round_no = ? ORDER BY cast_at, owner_id",
        TopicRecords::ballot, topicNumber, round);
  }

  public int countBallots(String topicNumber, int round) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM gl_topic_ballot WHERE topic_number = ? AND round_no = ?",
        Integer.class, topicNumber, round);
    return count == null ? 0 : count;
  }

  public void saveTally(String topicNumber, int round, boolean passed, boolean quorumMet, String resultJson, Date at) {
    jdbc.update("DELETE FROM gl_topic_tally WHERE topic_number = ? AND round_no = ?", topicNumber, round);
    jdbc.update("INSERT INTO gl_topic_tally (topic_number, round_no, passed, quorum_met, result, tallied_at) "
        + "VALUES (?, ?, ?, ?, ?, ?)", topicNumber, round, passed, quorumMet, resultJson, ts(at));
  }

  public List<TallyRow> tallies(String topicNumber) {
    return jdbc.query("SELECT * FROM gl_topic_tally WHERE topic_number = ? ORDER BY round_no",
        (rs, i) -> new TallyRow(rs.getInt("round_no"), rs.getBoolean("passed"), rs.getBoolean("quorum_met"),
            rs.getString("result"), rs.getTimestamp("tallied_at")), topicNumber);
  }

  // --- implementation items ------------------------------------------------------------------

  public void planItem(String topicNumber, int itemNumber, String title, String responsibleParty,
      String departmentCode, String description) {
    int updated = jdbc.update("""
        UPDATE gl_topic_item SET title = ?, responsible_party = ?, department_code = ?, description = ?
        WHERE topic_number = ? AND item_number = ?""",
        title, responsibleParty, departmentCode, description, topicNumber, itemNumber);
    if (updated == 0) {
      jdbc.update("""
          INSERT INTO gl_topic_item (topic_number, item_number, title, responsible_party, department_code,
           description) VALUES (?, ?, ?, ?, ?, ?)""",
          topicNumber, itemNumber, title, responsibleParty, departmentCode, description);
    }
  }

  public void setLinkedCase(String topicNumber, int itemNumber, String caseNumber) {
    jdbc.update("UPDATE gl_topic_item SET linked_case_number = ? WHERE topic_number = ? AND item_number = ?",
        caseNumber, topicNumber, itemNumber);
  }

  public void setItemResult(String topicNumber, int itemNumber, String outcome, BigDecimal spentAmount, String payee,
      String purpose, String spentOn, Date doneAt) {
    jdbc.update("""
        UPDATE gl_topic_item SET outcome = ?, spent_amount = ?, payee = ?, purpose = ?, spent_on = ?, done_at = ?
        WHERE topic_number = ? AND item_number = ?""",
        outcome, spentAmount, payee, purpose, spentOn, ts(doneAt), topicNumber, itemNumber);
  }

  public List<ItemRow> items(String topicNumber) {
    return jdbc.query("SELECT * FROM gl_topic_item WHERE topic_number = ? ORDER BY item_number",
        (rs, i) -> new ItemRow(rs.getInt("item_number"), rs.getString("title"),
            rs.getString("responsible_party"), rs.getString("department_code"),
            rs.getString("description"), rs.getString("linked_case_number"), rs.getString("outcome"),
            rs.getBigDecimal("spent_amount"), rs.getString("payee"), rs.getString("purpose"),
            rs.getString("spent_on"), rs.getTimestamp("done_at")), topicNumber);
  }

  // --- evaluations ---------------------------------------------------------------------------

  public void addEvaluation(String topicNumber, String rating, String comment, Date at) {
    jdbc.update("INSERT INTO gl_topic_evaluation (topic_number, rating, rating_comment, created_at) VALUES (?, ?, ?, ?)",
        topicNumber, rating, comment, ts(at));
  }

  public List<EvaluationRow> evaluations(String topicNumber) {
    return jdbc.query("SELECT * FROM gl_topic_evaluation WHERE topic_number = ? ORDER BY created_at, id",
        (rs, i) -> new EvaluationRow(rs.getString("rating"), rs.getString("rating_comment"),
            rs.getTimestamp("created_at")), topicNumber);
  }

  private static TopicRow topic(ResultSet rs, int i) throws SQLException {
    return new TopicRow(rs.getString("topic_number"), rs.getString("process_instance_id"), rs.getString("title"),
        rs.getString("description"), rs.getString("level"), rs.getString("scope_id"),
        rs.getString("matter_type"), rs.getBigDecimal("estimated_cost"), rs.getString("proposer_name"),
        rs.getString("proposer_email"), rs.getString("proposed_by"), rs.getString("stage"),
        rs.getString("review_outcome"), rs.getString("review_comment"), rs.getString("reject_reason"),
        rs.getString("merged_into"), rs.getString("vote_rule"), rs.getTimestamp("notice_opens_at"),
        rs.getTimestamp("notice_closes_at"), rs.getString("meeting_date"),
        rs.getString("meeting_participants"), rs.getString("meeting_minutes"), rs.getInt("vote_round"),
        rs.getTimestamp("vote_opens_at"), rs.getTimestamp("vote_closes_at"),
        (Boolean) rs.getObject("vote_passed"), rs.getString("rerun_comment"),
        rs.getTimestamp("evaluation_opens_at"), rs.getTimestamp("evaluation_closes_at"),
        rs.getTimestamp("created_at"), rs.getTimestamp("ended_at"), rs.getTimestamp("disclosed_at"),
        rs.getBoolean("archived"), rs.getTimestamp("archived_at"));
  }

  private static BallotRow ballot(ResultSet rs, int i) throws SQLException {
    return new BallotRow(rs.getString("owner_id"), rs.getString("unit_id"), rs.getString("choice"),
        rs.getTimestamp("cast_at"), rs.getInt("changes"), (Long) rs.getObject("council_code_id", Long.class));
  }

  private static CouncilCodeRow councilCode(ResultSet rs, int i) throws SQLException {
    return new CouncilCodeRow(rs.getLong("id"), rs.getInt("round_no"), rs.getString("owner_id"),
        rs.getString("code_hash"), rs.getString("issued_by"), rs.getTimestamp("issued_at"), rs.getString("reason"),
        rs.getBoolean("owner_notified"));
  }

  private static Timestamp ts(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }
}

package org.gridloop.deliberation;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.gridloop.deliberation.TopicRecords.TopicRow;
import org.gridloop.system.ApiErrors.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * What residents and owners add to a topic while its process waits in a period: opinions during
 * the public notice ({@code public-notice-period}), ballots during the vote ({@code vote-period}),
 * evaluations during the evaluation ({@code evaluation-period}). Each write locks the topic's row
 * first and then checks, in the same transaction, that the process still waits there: a period
 * that closes (its timer fires and the tally locks the row) can never take a late write.
 */
@Service
public class TopicParticipation {

  static final String NOTICE_PERIOD = "public-notice-period";
  static final String VOTE_PERIOD = "vote-period";
  static final String EVALUATION_PERIOD = "evaluation-period";

  /** A stored ballot; {@code councilCode} when it was cast with a code the council issued. */
  public record Receipt(String topicNumber, int round, String ownerId, String unitId, String choice,
      boolean replaced, boolean councilCode, Date castAt) {
  }

  /** The stored ballot, or why the code was refused (nothing is stored for a refused code). */
  public record VoteOutcome(Receipt receipt, VoteCodes.Check refusal, String ownerId) {
  }

  /** A code the council issued in an owner's name, to hand over; the owner was mailed a notice if they have an address. */
  public record IssuedCode(String topicNumber, int round, String ownerId, String voteCode, String issuedBy,
      Date issuedAt, String reason, boolean ownerNotified) {
  }

  private final TopicRecords records;
  private final VoteCodes codes;
  private final Electorate electorate;
  private final TopicMails mails;
  private final RuntimeService runtime;
  private final TransactionTemplate transaction;

  public TopicParticipation(TopicRecords records, VoteCodes codes, Electorate electorate, TopicMails mails,
      RuntimeService runtime, TransactionTemplate transaction) {
    this.records = records;
    this.codes = codes;
    this.electorate = electorate;
    this.mails = mails;
    this.runtime = runtime;
    this.transaction = transaction;
  }

  public int addOpinion(String topicNumber, String authorName, String text) {
    return transaction.execute(status -> {
      TopicRow topic = lockOpen(topicNumber, NOTICE_PERIOD);
      records.addOpinion(topic.topicNumber(), authorName.strip(), text.strip(), TopicTime.now());
      return records.opinions(topic.topicNumber()).size();
    });
  }

  public int addEvaluation(String topicNumber, String rating, String comment) {
    return transaction.execute(status -> {
      TopicRow topic = lockOpen(topicNumber, EVALUATION_PERIOD);
      records.addEvaluation(topic.topicNumber(), rating, comment == null || comment.isBlank() ? null
          : comment.strip(), TopicTime.now());
      return records.evaluations(topic.topicNumber()).size();
    });
  }

  /**
   * Casts (or replaces) an owner's ballot in the open round.
   *
   * @throws ResponseStatusException 404 unknown topic, 409 vote not open or a council code against the
   *     owner's own ballot, 403 not an owner in scope
   * @throws InvalidInput a unit not in scope or not the owner's
   */
  public VoteOutcome vote(String topicNumber, String ownerId, String unitId, String code, String choice) {
    return transaction.execute(status -> {
      TopicRow topic = lockOpen(topicNumber, VOTE_PERIOD);
      int round = topic.voteRound();
      List<OwnersRegister.Unit> electors = records.electors(topicNumber, round);
      List<OwnersRegister.Unit> owned = electors.stream().filter(u -> u.ownerId().equals(ownerId)).toList();
      if (owned.isEmpty()) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "ownerId '" + ownerId
            + "' is not an owner in the scope of topic " + topicNumber + " (" + topic.scopeId()
            + "): only the owners in its owners register vote");
      }
      if (unitId != null && !unitId.isBlank()) {
        boolean inScope = electors.stream().anyMatch(u -> u.unitId().equals(unitId));
        if (!inScope) {
          throw new InvalidInput("unitId", "unit '" + unitId + "' is not in the scope of topic " + topicNumber
              + " (" + topic.scopeId() + ")");
        }
        if (owned.stream().noneMatch(u -> u.unitId().equals(unitId))) {
          throw new InvalidInput("unitId", "unit '" + unitId + "' is not owned by " + ownerId);
        }
      }
      VoteCodes.Proof proof = codes.check(topicNumber, round, ownerId, code);
      if (!proof.accepted()) {
        return new VoteOutcome(null, proof.check(), ownerId);
      }
      boolean councilCode = proof.check() == VoteCodes.Check.COUNCIL_CODE;
      // The council may vote for an owner who asked it to, never over the owner's own ballot.
      if (councilCode && records.ballot(topicNumber, round, ownerId).filter(b -> b.councilCodeId() == null).isPresent()) {
        throw new ResponseStatusException(HttpStatus.CONFLICT, "Owner " + ownerId + " has voted with the code "
            + "mailed to them: a code issued by the council cannot change that ballot, only the owner's own code can");
      }
      String normalised = Ballot.Choice.parse(choice).name().toLowerCase(Locale.ROOT);
      String unit = unitId == null || unitId.isBlank() ? null : unitId;
      Date now = TopicTime.now();
      boolean replaced = records.castBallot(topicNumber, round, ownerId, unit, normalised, now, proof.councilCodeId());
      return new VoteOutcome(new Receipt(topicNumber, round, ownerId, unit, normalised, replaced, councilCode, now),
          null, ownerId);
    });
  }

  /**
   * The council hands an owner a vote code for the open round (an owner without e-mail, or who
   * lost it): recorded with who issued it, when and why, and the owner is mailed a notice of it
   * (without the code) when the register has their address. The council's earlier code for the
   * owner stops working; the code mailed to the owner keeps working.
   */
  public IssuedCode issueCode(String topicNumber, String ownerId, String issuedBy, String reason) {
    return transaction.execute(status -> {
      TopicRow topic = lockOpen(topicNumber, VOTE_PERIOD);
      int round = topic.voteRound();
      boolean owner = records.electors(topicNumber, round).stream().anyMatch(u -> u.ownerId().equals(ownerId));
      if (!owner) {
        throw new InvalidInput("ownerId", "'" + ownerId + "' is not an owner in the scope of topic " + topicNumber);
      }
      Optional<String> email = electorate.email(ownerId);
      VoteCodes.CouncilCode issued = codes.issueByCouncil(topicNumber, round, ownerId, issuedBy, reason,
          email.isPresent());
      email.ifPresent(address -> mails.toOwnerAboutCouncilCode(topic, address, issued.record()));
      return new IssuedCode(topicNumber, round, ownerId, issued.code(), issuedBy, issued.record().issuedAt(),
          reason, email.isPresent());
    });
  }

  /** The topic, locked, if its process waits in the period; else 404 or 409 saying why. */
  private TopicRow lockOpen(String topicNumber, String period) {
    if (!records.lock(topicNumber)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No topic " + topicNumber);
    }
    TopicRow topic = records.find(topicNumber).orElseThrow();
    long waiting = runtime.createExecutionQuery().processDefinitionKey(TopicIntake.PROCESS)
        .processInstanceBusinessKey(topicNumber).activityId(period).count();
    if (waiting == 0) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, notOpen(topic, period));
    }
    return topic;
  }

  static String notOpen(TopicRow topic, String period) {
    String stage = " (stage: " + TopicStage.name(topic.stage()) + ")";
    return switch (period) {
      case NOTICE_PERIOD -> topic.noticeOpensAt() == null
          ? "公示尚未开始，暂不收集意见 The public notice of topic " + topic.topicNumber() + " has not opened yet" + stage
          : "公示期已于 " + TopicTime.show(topic.noticeClosesAt()) + " 结束，不再收集意见 The public notice of topic "
              + topic.topicNumber() + " closed at " + TopicTime.show(topic.noticeClosesAt())
              + ": opinions are no longer accepted" + stage;
      case VOTE_PERIOD -> topic.voteOpensAt() == null
          ? "表决尚未开始 The vote on topic " + topic.topicNumber() + " has not opened yet" + stage
          : "表决已于 " + TopicTime.show(topic.voteClosesAt()) + " 截止，不再接受投票 The vote on topic "
              + topic.topicNumber() + " closed at " + TopicTime.show(topic.voteClosesAt())
              + ": ballots are no longer accepted" + stage;
      default -> topic.evaluationOpensAt() == null
          ? "评议尚未开始 The evaluation of topic " + topic.topicNumber() + " has not opened yet" + stage
          : "评议期已于 " + TopicTime.show(topic.evaluationClosesAt()) + " 结束 The evaluation of topic "
              + topic.topicNumber() + " closed at " + TopicTime.show(topic.evaluationClosesAt()) + stage;
    };
  }
}

package org.gridloop.deliberation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.gridloop.deliberation.TopicRecords.TopicRow;
import org.springframework.stereotype.Component;

/**
 * {@code tally-votes} (计票): counts the ballots of the round that just closed under the rule of
 * {@code voteRule}, against the electorate fixed when the round opened ({@link VoteTally}). Writes
 * {@code votePassed}, {@code quorumMet} and {@code voteResult} (every figure, {@link VoteResult#toMap()}
 * with the round, as a JSON object variable) and keeps the tally on the public record. Locks the
 * topic first, so a ballot being stored at the close is either counted or refused, never lost.
 */
@Component("tallyVotes")
public class TallyVotes implements JavaDelegate {

  private final TopicRecords records;

  public TallyVotes(TopicRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String n = execution.getProcessBusinessKey();
    records.lock(n);
    TopicRow topic = TopicDelegates.topic(records, execution);
    int round = topic.voteRound();
    VoteRule rule = TopicDelegates.voteRule(execution);
    List<Ballot> ballots = records.ballots(n, round).stream()
        .map(b -> Ballot.of(b.ownerId(), b.choice())).toList();
    VoteResult result = VoteTally.tally(rule, records.electors(n, round), ballots);
    Map<String, Object> figures = new LinkedHashMap<>(result.toMap());
    figures.put("round", round);
    execution.setVariable("votePassed", result.passed());
    execution.setVariable("quorumMet", result.quorumMet());
    execution.setVariable("voteResult", Variables.objectValue(figures)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    records.saveTally(n, round, result.passed(), result.quorumMet(), TopicDelegates.json(figures), TopicTime.now());
    records.setVotePassed(n, result.passed());
  }
}

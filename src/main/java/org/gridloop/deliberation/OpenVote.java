package org.gridloop.deliberation;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridloop.casework.CaseVariables;
import org.gridloop.deliberation.Electorate.Scope;
import org.gridloop.deliberation.TopicRecords.TopicRow;
import org.springframework.stereotype.Component;

/**
 * {@code open-vote} (启动表决): opens round {@code voteRerunCount + 1}. Records the consultation
 * meeting (first round), fixes the round's electorate (the units of the scope in the owners register
 * as they are now), gives every owner with an e-mail address a personal vote code by mail
 * ({@link VoteCodes}) and tells the proposer and the council; the council hears which owners have
 * no address and need their code handed over.
 */
@Component("openVote")
public class OpenVote implements JavaDelegate {

  private final TopicRecords records;
  private final Electorate electorate;
  private final VoteCodes codes;
  private final TopicMails mails;
  private final TopicLinks links;
  private final CaseVariables variables;

  public OpenVote(TopicRecords records, Electorate electorate, VoteCodes codes, TopicMails mails, TopicLinks links,
      CaseVariables variables) {
    this.records = records;
    this.electorate = electorate;
    this.codes = codes;
    this.mails = mails;
    this.links = links;
    this.variables = variables;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TopicRow topic = TopicDelegates.topic(records, execution);
    String n = topic.topicNumber();
    Object rerunCount = execution.getVariable("voteRerunCount");
    int round = (rerunCount instanceof Number count ? count.intValue() : 0) + 1;
    if (round == 1) {
      records.setMeeting(n, TopicDelegates.text(execution.getVariable("meetingDate")),
          String.join(",", variables.list(execution.getVariable("participants"))),
          TopicDelegates.text(execution.getVariable("minutes")));
    }
    Scope scope = TopicDelegates.scope(electorate, topic);
    List<OwnersRegister.Unit> units = electorate.units(scope);
    if (units.isEmpty()) {
      throw new IllegalStateException("topic " + n + ": no unit of " + scope.id()
          + " is in the owners register; a vote needs voters");
    }
    VoteRule rule = TopicDelegates.voteRule(execution);
    records.setVoteRound(n, round);
    records.addElectors(n, round, units);
    Date closes = TopicTime.after(execution.getVariable("votePeriod"));
    String url = links.topic(n);
    String pid = execution.getProcessInstanceId();
    List<String> withoutAddress = new ArrayList<>();
    for (String ownerId : TopicDelegates.owners(units)) {
      Optional<String> email = electorate.email(ownerId);
      if (email.isEmpty()) {
        withoutAddress.add(ownerId);
        continue;
      }
      String code = codes.issue(n, round, ownerId);
      String ownUnits = units.stream().filter(u -> u.ownerId().equals(ownerId)).map(OwnersRegister.Unit::unitId)
          .collect(Collectors.joining(", "));
      mails.toOwner(topic, email.get(), "议题表决" + (round > 1 ? "（第 " + round + " 轮）" : "") + "已开始，至 "
          + TopicTime.show(closes) + " 截止。您的业主编号：" + ownerId + "（" + ownUnits + "），本轮表决码：" + code
          + "。请勿转交他人。投票：POST " + url + "/votes（ownerId、voteCode、choice：yes 同意 / no 反对 / abstain 弃权）；"
          + "截止前可改投，以最后一次为准。表决规则：" + rule.ruleName()
          + "\n\nThe vote" + (round > 1 ? " (round " + round + ")" : "") + " is open until "
          + TopicTime.show(closes) + " (Beijing time). Your owner id: " + ownerId + " (" + ownUnits
          + "); your vote code for this round: " + code + ". Keep it to yourself. Vote with POST " + url
          + "/votes (ownerId, voteCode, choice: yes, no or abstain); you may change your vote until the "
          + "close, the last one counts.", pid);
    }
    String opened = "议题表决" + (round > 1 ? "（第 " + round + " 轮）" : "") + "已开始，至 " + TopicTime.show(closes)
        + " 截止；表决码已发给登记了邮箱的业主。\n\nThe vote" + (round > 1 ? " (round " + round + ")" : "")
        + " is open until " + TopicTime.show(closes) + "; owners with an e-mail address got their vote code.";
    mails.toProposer(topic, opened, pid);
    mails.toCouncil(topic, opened + (withoutAddress.isEmpty() ? "" : "\n\n以下业主没有登记邮箱，请向其发放表决码 "
        + "These owners have no e-mail address; hand them a vote code (POST " + url + "/vote-codes with ownerId and reason): "
        + String.join(", ", withoutAddress)), pid);
  }
}

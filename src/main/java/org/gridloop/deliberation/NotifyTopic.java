package org.gridloop.deliberation;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridloop.deliberation.Electorate.Scope;
import org.gridloop.deliberation.TopicRecords.TopicRow;
import org.springframework.stereotype.Component;

/**
 * Tells the people a step concerns what happened to a topic (input parameter {@code notice}) and
 * records what the step before decided:
 * <ul>
 *   <li>{@code proposed}: the council (a topic to review) and the proposer (received);
 *   <li>{@code rejected}: the proposer, with the council's {@code rejectReason};
 *   <li>{@code publicNotice}: the review is recorded as accepted with the vote rule; the proposer
 *       and the owners of the scope hear that opinions are open and until when;
 *   <li>{@code votePassed}: the proposer, the council and the voters, with the figures' reason;
 *   <li>{@code voteFailed}: the proposer, the council and the voters, with {@code voteResult.reason};
 *   <li>{@code evaluation}: the proposer and the owners of the scope, that evaluations are open.
 * </ul>
 */
@Component("notifyTopic")
public class NotifyTopic implements JavaDelegate {

  private final TopicRecords records;
  private final TopicMails mails;
  private final Electorate electorate;
  private final TopicLinks links;

  public NotifyTopic(TopicRecords records, TopicMails mails, Electorate electorate, TopicLinks links) {
    this.records = records;
    this.mails = mails;
    this.electorate = electorate;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String notice = (String) execution.getVariable("notice");
    TopicRow topic = TopicDelegates.topic(records, execution);
    String n = topic.topicNumber();
    String pid = execution.getProcessInstanceId();
    Scope scope = TopicDelegates.scope(electorate, topic);
    String url = links.topic(n);
    switch (notice) {
      case "proposed" -> {
        mails.toCouncil(topic, "新议题待议事会审查：" + topic.title() + "（" + TopicDelegates.levelAndScope(scope)
            + "，事项类型 " + topic.matterType() + "，估算费用 ¥" + topic.estimatedCost().toPlainString()
            + "）。请在任务列表中受理、合并或驳回：" + links.tasklist()
            + "\n\nA new topic awaits the council's review: accept, merge or reject it in Tasklist: "
            + links.tasklist(), pid);
        mails.toProposer(topic, "您的议题已收到，编号 " + n + "。议事会将审查：受理、并入同类议题或驳回（驳回会说明理由）。"
            + "\n\nYour topic was received as " + n + ". The council will review it: accept it, merge it "
            + "into a similar topic or reject it (with a reason).", pid);
      }
      case "rejected" -> {
        String reason = TopicDelegates.text(execution.getVariable("rejectReason"));
        String shown = reason == null ? "（未说明 none given）" : reason;
        records.setReview(n, "reject", TopicDelegates.text(execution.getVariable("reviewComment")), reason, null);
        mails.toProposer(topic, "议事会经审查驳回了您的议题。理由：" + shown
            + "\n\nThe council reviewed your topic and rejected it. Reason: " + shown, pid);
      }
      case "publicNotice" -> {
        records.setReview(n, "accept", TopicDelegates.text(execution.getVariable("reviewComment")), null, null);
        VoteRule rule = TopicDelegates.voteRule(execution);
        Map<String, Object> shownRule = new LinkedHashMap<>(rule.toMap());
        shownRule.put("quorumRule", rule.quorumText());
        shownRule.put("approvalRule", rule.approvalText());
        records.setVoteRule(n, TopicDelegates.json(shownRule));
        Date closes = TopicTime.after(execution.getVariable("noticePeriod"));
        String message = "议题已受理并公示（民事共议），公示期至 " + TopicTime.show(closes) + "。公示期内欢迎发表意见："
            + "POST " + url + "/opinions（authorName 姓名、text 意见）。表决规则：" + rule.ruleName()
            + "\n\nThe topic was accepted and is on public notice until " + TopicTime.show(closes)
            + " (Beijing time). Give your opinion meanwhile: POST " + url + "/opinions (authorName, text).";
        mails.toProposer(topic, message, pid);
        mails.toVoters(topic, electorate.units(scope), message, pid);
      }
      case "voteFailed" -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) execution.getVariable("voteResult");
        Object rerun = execution.getVariable("rerun");
        if (Boolean.FALSE.equals(rerun)) {
          records.setRerunComment(n, TopicDelegates.text(execution.getVariable("rerunComment")));
        }
        String reason = result == null ? "" : String.valueOf(result.get("reason"));
        String message = "议题表决未通过，议题结束。Topic " + n + " was not passed and ends here.\n\n" + reason;
        mails.toProposer(topic, message, pid);
        mails.toCouncil(topic, message, pid);
        mails.toVoters(topic, records.electors(n, topic.voteRound()), message, pid);
      }
      case "votePassed" -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) execution.getVariable("voteResult");
        String reason = result == null ? "" : String.valueOf(result.get("reason"));
        String message = "议题表决通过，议事会将制定实施方案（难事共办）。Topic " + n + " was passed by the owners; "
            + "the council now plans its implementation.\n\n" + reason + "\n\n" + url;
        mails.toProposer(topic, message, pid);
        mails.toCouncil(topic, message, pid);
        mails.toVoters(topic, records.electors(n, topic.voteRound()), message, pid);
      }
      case "evaluation" -> {
        Date closes = TopicTime.after(execution.getVariable("evaluationPeriod"));
        String message = "议题已实施完毕，欢迎评议（至 " + TopicTime.show(closes) + "）：POST " + url
            + "/evaluations（rating：satisfied 满意 / basicallySatisfied 基本满意 / unsatisfied 不满意，comment 意见）。"
            + "\n\nThe topic has been implemented. Evaluate the result until " + TopicTime.show(closes)
            + ": POST " + url + "/evaluations (rating: satisfied, basicallySatisfied or unsatisfied; comment).";
        mails.toProposer(topic, message, pid);
        mails.toVoters(topic, electorate.units(scope), message, pid);
      }
      default -> throw new IllegalArgumentException("Unknown notice '" + notice + "' in "
          + execution.getCurrentActivityId());
    }
  }
}

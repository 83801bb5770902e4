package org.gridloop.deliberation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridloop.casework.CaseLinks;
import org.gridloop.casework.CaseRecords;
import org.gridloop.casework.Masking;
import org.gridloop.deliberation.TopicRecords.CouncilCodeCounts;
import org.gridloop.deliberation.TopicRecords.EvaluationRow;
import org.gridloop.deliberation.TopicRecords.ItemRow;
import org.gridloop.deliberation.TopicRecords.TallyRow;
import org.gridloop.deliberation.TopicRecords.TopicRow;
import org.springframework.stereotype.Component;

/**
 * The public record of a topic at every stage (成事共享): what was proposed, the review, the notice
 * and its opinions, the meeting, every vote round with all its figures, the implementation items
 * with their linked cases and spending, the evaluation and whether it is archived. Names and
 * e-mail addresses are masked; who voted how is never shown, only the figures, among them how many
 * vote codes the council issued in owners' names in each round and how many ballots were cast with them.
 */
@Component
public class TopicView {

  static final int MINUTES_SUMMARY = 500;
  private static final CouncilCodeCounts NO_COUNCIL_CODES = new CouncilCodeCounts(0, 0);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TopicRecords records;
  private final Electorate electorate;
  private final MatterTypes matterTypes;
  private final CaseRecords cases;
  private final CaseLinks caseLinks;
  private final TopicLinks links;

  public TopicView(TopicRecords records, Electorate electorate, MatterTypes matterTypes, CaseRecords cases,
      CaseLinks caseLinks, TopicLinks links) {
    this.records = records;
    this.electorate = electorate;
    this.matterTypes = matterTypes;
    this.cases = cases;
    this.caseLinks = caseLinks;
    this.links = links;
  }

  public Map<String, Object> of(TopicRow t) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("topicNumber", t.topicNumber());
    view.put("title", t.title());
    view.put("description", t.description());
    view.put("stage", t.stage());
    view.put("stageName", TopicStage.name(t.stage()));
    view.put("ended", t.endedAt() != null);
    view.put("level", t.level());
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("id", t.scopeId());
    TopicLevel.parse(t.level()).flatMap(level -> electorate.scope(level, t.scopeId())).ifPresent(s -> {
      scope.put("name", s.name());
      scope.put("nameEn", s.nameEn());
    });
    view.put("scope", scope);
    Map<String, Object> matter = new LinkedHashMap<>();
    matter.put("code", t.matterType());
    matterTypes.find(t.matterType()).ifPresent(m -> matter.put("description", m.description()));
    view.put("matterType", matter);
    view.put("estimatedCost", t.estimatedCost() == null ? null : t.estimatedCost().setScale(2).toPlainString());
    // Nothing of the proposer: a public record, and a masked name or address is still personal data.
    view.put("proposedAt", t.createdAt());
    view.put("review", review(t));
    view.put("voteRule", parse(t.voteRule()));
    view.put("publicNotice", window(t.noticeOpensAt(), t.noticeClosesAt(), TopicStage.PUBLIC_NOTICE.equals(t.stage())));
    view.put("opinions", opinions(t));
    view.put("consultation", consultation(t));
    view.put("vote", vote(t));
    List<Map<String, Object>> items = items(t);
    view.put("implementation", Map.of("items", items));
    view.put("spending", spending(items));
    view.put("evaluation", evaluation(t));
    view.put("disclosedAt", t.disclosedAt());
    view.put("archived", t.archived());
    view.put("archivedAt", t.archivedAt());
    view.put("endedAt", t.endedAt());
    view.put("topicUrl", links.topic(t.topicNumber()));
    return view;
  }

  private Map<String, Object> review(TopicRow t) {
    Map<String, Object> review = new LinkedHashMap<>();
    review.put("outcome", t.reviewOutcome());
    review.put("comment", t.reviewComment());
    review.put("rejectReason", t.rejectReason());
    review.put("mergedInto", t.mergedInto());
    review.put("mergedTopics", records.mergedInto(t.topicNumber()));
    return review;
  }

  private Map<String, Object> opinions(TopicRow t) {
    List<Map<String, Object>> list = new ArrayList<>();
    records.opinions(t.topicNumber()).forEach(o -> {
      Map<String, Object> opinion = new LinkedHashMap<>();
      opinion.put("author", Masking.name(o.authorName()));
      opinion.put("text", o.text());
      opinion.put("at", o.createdAt());
      opinion.put("mergedFrom", o.mergedFrom());
      list.add(opinion);
    });
    Map<String, Object> opinions = new LinkedHashMap<>();
    opinions.put("count", list.size());
    opinions.put("items", list);
    return opinions;
  }

  private Map<String, Object> consultation(TopicRow t) {
    Map<String, Object> meeting = new LinkedHashMap<>();
    meeting.put("meetingDate", t.meetingDate());
    meeting.put("participants", t.meetingParticipants() == null ? List.of()
        : Arrays.stream(t.meetingParticipants().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    String minutes = t.meetingMinutes();
    meeting.put("minutesSummary", minutes == null || minutes.length() <= MINUTES_SUMMARY ? minutes
        : minutes.substring(0, MINUTES_SUMMARY) + "…");
    return meeting;
  }

  private Map<String, Object> vote(TopicRow t) {
    Map<String, Object> vote = new LinkedHashMap<>();
    vote.put("round", t.voteRound());
    vote.put("rerunCount", Math.max(0, t.voteRound() - 1));
    boolean open = TopicStage.VOTE.equals(t.stage()) && t.voteOpensAt() != null;
    vote.put("opensAt", t.voteOpensAt());
    vote.put("closesAt", t.voteClosesAt());
    vote.put("open", open);
    vote.put("ballotsCast", t.voteRound() == 0 ? 0 : records.countBallots(t.topicNumber(), t.voteRound()));
    // Codes the council issued in owners' names, and the ballots cast with them: counted in public.
    Map<Integer, CouncilCodeCounts> councilCodes = records.councilCodeCounts(t.topicNumber());
    CouncilCodeCounts current = councilCodes.getOrDefault(t.voteRound(), NO_COUNCIL_CODES);
    vote.put("councilIssuedCodes", current.codesIssued());
    vote.put("ballotsWithCouncilCode", current.ballotsCast());
    vote.put("passed", t.votePassed());
    vote.put("rerunComment", t.rerunComment());
    List<Map<String, Object>> rounds = new ArrayList<>();
    Map<String, Object> latest = null;
    for (TallyRow tally : records.tallies(t.topicNumber())) {
      Map<String, Object> round = new LinkedHashMap<>();
      round.put("round", tally.round());
      round.put("talliedAt", tally.talliedAt());
      CouncilCodeCounts ofRound = councilCodes.getOrDefault(tally.round(), NO_COUNCIL_CODES);
      round.put("councilIssuedCodes", ofRound.codesIssued());
      round.put("ballotsWithCouncilCode", ofRound.ballotsCast());
      round.put("result", parse(tally.result()));
      rounds.add(round);
      if (tally.round() == t.voteRound()) {
        latest = parse(tally.result());
      }
    }
    vote.put("result", latest);
    vote.put("rounds", rounds);
    return vote;
  }

  private List<Map<String, Object>> items(TopicRow t) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (ItemRow row : records.items(t.topicNumber())) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("itemNumber", row.itemNumber());
      item.put("title", row.title());
      item.put("responsibleParty", row.responsibleParty());
      item.put("departmentCode", row.departmentCode());
      item.put("description", row.description());
      item.put("outcome", row.outcome());
      item.put("done", row.doneAt() != null);
      item.put("doneAt", row.doneAt());
      if (row.linkedCaseNumber() != null) {
        Map<String, Object> linked = new LinkedHashMap<>();
        linked.put("caseNumber", row.linkedCaseNumber());
        Optional<CaseRecords.CaseRow> c = cases.find(row.linkedCaseNumber());
        linked.put("status", c.map(CaseRecords.CaseRow::status).orElse(null));
        linked.put("outcome", c.map(CaseRecords.CaseRow::outcome).orElse(null));
        linked.put("rating", c.map(CaseRecords.CaseRow::rating).orElse(null));
        linked.put("closedAt", c.map(CaseRecords.CaseRow::closedAt).orElse(null));
        linked.put("statusUrl", caseLinks.status(row.linkedCaseNumber()));
        item.put("linkedCase", linked);
      } else {
        item.put("linkedCase", null);
      }
      if (row.spentAmount() != null) {
        Map<String, Object> spending = new LinkedHashMap<>();
        spending.put("amount", row.spentAmount().setScale(2).toPlainString());
        spending.put("payee", row.payee());
        spending.put("purpose", row.purpose());
        spending.put("date", row.spentOn());
        item.put("spending", spending);
      } else {
        item.put("spending", null);
      }
      items.add(item);
    }
    return items;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spending(List<Map<String, Object>> items) {
    List<Map<String, Object>> list = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (Map<String, Object> item : items) {
      Map<String, Object> spending = (Map<String, Object>) item.get("spending");
      if (spending != null) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("itemNumber", item.get("itemNumber"));
        entry.put("title", item.get("title"));
        entry.putAll(spending);
        list.add(entry);
        total = total.add(new BigDecimal((String) spending.get("amount")));
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("items", list);
    result.put("total", total.toPlainString());
    return result;
  }

  private Map<String, Object> evaluation(TopicRow t) {
    List<EvaluationRow> rows = records.evaluations(t.topicNumber());
    Map<String, Object> evaluation = window(t.evaluationOpensAt(), t.evaluationClosesAt(),
        TopicStage.EVALUATION.equals(t.stage()) && t.evaluationOpensAt() != null);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String rating : List.of("satisfied", "basicallySatisfied", "unsatisfied")) {
      counts.put(rating, rows.stream().filter(r -> r.rating().equals(rating)).count());
    }
    evaluation.put("count", rows.size());
    evaluation.put("ratings", counts);
    evaluation.put("satisfactionRate", rows.isEmpty() ? null : new BigDecimal(
        counts.get("satisfied") + counts.get("basicallySatisfied")).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(rows.size()), 1, java.math.RoundingMode.HALF_UP).toPlainString() + "%");
    evaluation.put("comments", rows.stream().map(EvaluationRow::comment).filter(c -> c != null && !c.isBlank())
        .toList());
    return evaluation;
  }

  private static Map<String, Object> window(java.util.Date opensAt, java.util.Date closesAt, boolean open) {
    Map<String, Object> window = new LinkedHashMap<>();
    window.put("opensAt", opensAt);
    window.put("closesAt", closesAt);
    window.put("open", open);
    return window;
  }

  private static Map<String, Object> parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not readable: " + e.getOriginalMessage(), e);
    }
  }
}

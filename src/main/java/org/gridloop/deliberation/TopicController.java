package org.gridloop.deliberation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridloop.deliberation.TopicRecords.TopicRow;
import org.gridloop.org.GroupIds;
import org.gridloop.security.CurrentUser;
import org.gridloop.system.ApiErrors.FieldProblem;
import org.gridloop.system.ApiErrors.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The four-affairs API (四事四共): propose a topic, follow its public record, give an opinion
 * during the public notice, vote during the vote, evaluate the result. Residents need no login;
 * an owner votes with their owner id and personal vote code ({@link VoteCodes}); only the council
 * of the topic's level hands out vote codes in an owner's name, with a reason the owner is mailed.
 */
@RestController
@RequestMapping("/api")
class TopicController {

  private final TopicIntake intake;
  private final TopicParticipation participation;
  private final TopicRecords records;
  private final TopicView view;
  private final TopicLinks links;
  private final MatterTypes matterTypes;
  private final CurrentUser currentUser;

  TopicController(TopicIntake intake, TopicParticipation participation, TopicRecords records, TopicView view,
      TopicLinks links, MatterTypes matterTypes, CurrentUser currentUser) {
    this.intake = intake;
    this.participation = participation;
    this.records = records;
    this.view = view;
    this.links = links;
    this.matterTypes = matterTypes;
    this.currentUser = currentUser;
  }

  @PostMapping("/topics")
  ResponseEntity<Map<String, Object>> propose(@Valid @RequestBody TopicProposal proposal, HttpServletRequest request) {
    String staff = currentUser.find(request).map(CurrentUser.Caller::userId).orElse(null);
    TopicIntake.Accepted accepted = intake.propose(proposal, staff);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("topicNumber", accepted.topicNumber());
    body.put("stage", accepted.stage());
    body.put("topicUrl", links.topic(accepted.topicNumber()));
    return ResponseEntity.created(URI.create(links.topicPath(accepted.topicNumber()))).body(body);
  }

  @GetMapping("/topics/{topicNumber}")
  Map<String, Object> topic(@PathVariable String topicNumber) {
    return view.of(find(topicNumber));
  }

  @GetMapping("/matter-types")
  List<MatterTypes.MatterType> matterTypes() {
    return matterTypes.all();
  }

  record Opinion(
      @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
      String authorName,
      @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
      String text) {
  }

  @PostMapping("/topics/{topicNumber}/opinions")
  ResponseEntity<Map<String, Object>> opinion(@PathVariable String topicNumber, @Valid @RequestBody Opinion opinion) {
    int count = participation.addOpinion(topicNumber, opinion.authorName(), opinion.text());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("topicNumber", topicNumber, "opinions", count));
  }

  record Vote(
      @NotBlank(message = "is required: your owner id in the owners register") String ownerId,
      @Size(max = 64, message = "must be at most 64 characters") String unitId,
      @NotBlank(message = "is required: the vote code mailed to you when the vote opened") String voteCode,
      @NotBlank(message = "is required: yes, no or abstain")
      @Pattern(regexp = "(?i)yes|no|abstain", message = "must be yes, no or abstain") String choice) {
  }

  @PostMapping("/topics/{topicNumber}/votes")
  ResponseEntity<Map<String, Object>> vote(@PathVariable String topicNumber, @Valid @RequestBody Vote vote) {
    TopicParticipation.VoteOutcome outcome = participation.vote(topicNumber, vote.ownerId().strip(),
        vote.unitId() == null ? null : vote.unitId().strip(), vote.voteCode(), vote.choice());
    if (outcome.refusal() != null) {
      // 403 either way: security/ClientRateLimit counts these against the client, not the owner.
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, outcome.refusal() == VoteCodes.Check.NONE_ISSUED
          ? "No vote code was issued to owner " + outcome.ownerId() + " for this round: ask the council of the topic for one"
          : "voteCode: wrong vote code for owner " + outcome.ownerId());
    }
    TopicParticipation.Receipt receipt = outcome.receipt();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("topicNumber", receipt.topicNumber());
    body.put("round", receipt.round());
    body.put("ownerId", receipt.ownerId());
    body.put("unitId", receipt.unitId());
    body.put("choice", receipt.choice());
    body.put("replaced", receipt.replaced());
    body.put("councilIssuedCode", receipt.councilCode());
    body.put("castAt", receipt.castAt());
    return ResponseEntity.status(receipt.replaced() ? HttpStatus.OK : HttpStatus.CREATED).body(body);
  }

  record VoteCodeRequest(String ownerId, String reason) {
  }

  static final int REASON_MAX = 500;

  /**
   * The council secretary hands an owner a vote code (printed or read out). Checked after the
   * login, so only the council learns what the request lacks; the reason is recorded with who and
   * when, and mailed to the owner.
   */
  @PostMapping("/topics/{topicNumber}/vote-codes")
  Map<String, Object> voteCode(@PathVariable String topicNumber, @RequestBody VoteCodeRequest codeRequest,
      HttpServletRequest request) {
    TopicRow topic = find(topicNumber);
    CurrentUser.Caller caller = currentUser.requireGroup(request, GroupIds.council(topic.scopeId()));
    List<FieldProblem> problems = new ArrayList<>();
    if (codeRequest.ownerId() == null || codeRequest.ownerId().isBlank()) {
      problems.add(new FieldProblem("ownerId", "is required: the owner id in the owners register"));
    }
    if (codeRequest.reason() == null || codeRequest.reason().isBlank()) {
      problems.add(new FieldProblem("reason", "is required: why the council issues a code in the owner's name "
          + "(recorded, mailed to the owner)"));
    } else if (codeRequest.reason().strip().length() > REASON_MAX) {
      problems.add(new FieldProblem("reason", "must be at most " + REASON_MAX + " characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    TopicParticipation.IssuedCode issued = participation.issueCode(topicNumber, codeRequest.ownerId().strip(),
        caller.userId(), codeRequest.reason().strip());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("topicNumber", issued.topicNumber());
    body.put("round", issued.round());
    body.put("ownerId", issued.ownerId());
    body.put("voteCode", issued.voteCode());
    body.put("issuedBy", issued.issuedBy());
    body.put("issuedAt", issued.issuedAt());
    body.put("reason", issued.reason());
    body.put("ownerNotified", issued.ownerNotified());
    return body;
  }

  record Evaluation(
      @NotBlank(message = "is required: satisfied, basicallySatisfied or unsatisfied")
      @Pattern(regexp = "satisfied|basicallySatisfied|unsatisfied",
          message = "must be satisfied, basicallySatisfied or unsatisfied") String rating,
      @Size(max = 1000, message = "must be at most 1000 characters") String comment) {
  }

  @PostMapping("/topics/{topicNumber}/evaluations")
  ResponseEntity<Map<String, Object>> evaluation(@PathVariable String topicNumber,
      @Valid @RequestBody Evaluation evaluation) {
    int count = participation.addEvaluation(topicNumber, evaluation.rating(), evaluation.comment());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("topicNumber", topicNumber, "evaluations", count));
  }

  private TopicRow find(String topicNumber) {
    return records.find(topicNumber).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "No topic " + topicNumber));
  }
}

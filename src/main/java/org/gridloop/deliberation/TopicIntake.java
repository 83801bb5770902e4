package org.gridloop.deliberation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.gridloop.deliberation.Electorate.Scope;
import org.gridloop.deliberation.TopicRecords.TopicRow;
import org.gridloop.system.ApiErrors.FieldProblem;
import org.gridloop.system.ApiErrors.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts a proposed topic (提): checks it against the directory, the owners register and the
 * deployed vote rules, gives it a topic number and starts its four-affairs process, all in one
 * transaction, so an accepted topic is never half-stored.
 */
@Service
public class TopicIntake {

  public static final String PROCESS = "four-affairs";

  /** The accepted topic. */
  public record Accepted(String topicNumber, String stage) {
  }

  private final TopicRecords records;
  private final Electorate electorate;
  private final MatterTypes matterTypes;
  private final RuntimeService runtime;
  private final TransactionTemplate transaction;

  public TopicIntake(TopicRecords records, Electorate electorate, MatterTypes matterTypes, RuntimeService runtime,
      TransactionTemplate transaction) {
    this.records = records;
    this.electorate = electorate;
    this.matterTypes = matterTypes;
    this.runtime = runtime;
    this.transaction = transaction;
  }

  /**
   * @param proposedBy the staff member who entered it, or null for a resident
   * @throws InvalidInput naming each field the directory, the register or the rules refuse
   */
  public Accepted propose(TopicProposal proposal, String proposedBy) {
    check(proposal);
    return transaction.execute(status -> start(proposal, proposedBy));
  }

  private void check(TopicProposal proposal) {
    List<FieldProblem> problems = new ArrayList<>();
    Optional<TopicLevel> level = TopicLevel.parse(proposal.level());
    if (level.isPresent()) {
      Optional<Scope> scope = electorate.scope(level.get(), proposal.scopeId());
      if (scope.isEmpty()) {
        problems.add(new FieldProblem("scopeId", "unknown " + level.get().name() + " '" + proposal.scopeId()
            + "' in the organisation directory"));
      } else if (electorate.units(scope.get()).isEmpty()) {
        problems.add(new FieldProblem("scopeId", "no compound of " + level.get().name() + " '"
            + proposal.scopeId() + "' is in the owners register, so a vote there would have no voters"));
      }
    }
    if (matterTypes.find(proposal.matterType()).isEmpty()) {
      problems.add(new FieldProblem("matterType", "unknown matter type '" + proposal.matterType()
          + "': one of " + String.join(", ", matterTypes.all().stream().map(MatterTypes.MatterType::code)
          .toList()) + " (GET /api/matter-types)"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
  }

  private Accepted start(TopicProposal proposal, String proposedBy) {
    String topicNumber = records.nextTopicNumber(TopicTime.year());
    TopicLevel level = TopicLevel.parse(proposal.level()).orElseThrow();
    String title = proposal.title().strip();
    String description = proposal.description().strip();
    String name = proposal.proposer().name().strip();
    String email = proposal.proposer().email().strip();
    records.insert(new TopicRow(topicNumber, null, title, description, level.name(), proposal.scopeId(),
        proposal.matterType(), proposal.estimatedCost(), name, email, proposedBy, TopicStage.REVIEW, null,
        null, null, null, null, null, null, null, null, null, 0, null, null, null, null, null, null,
        TopicTime.now(), null, null, false, null));
    VariableMap variables = Variables.createVariables()
        .putValue("topicNumber", topicNumber)
        .putValue("title", title)
        .putValue("description", description)
        .putValue("level", level.name())
        .putValue("scopeId", proposal.scopeId())
        .putValue("matterType", proposal.matterType())
        .putValue("estimatedCost", proposal.estimatedCost().doubleValue());
    // The proposer's name and e-mail stay in gl_topic: process variables are readable by every group
    // working on the topic and kept in history (see CaseIntake for the reporter's).
    ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS)
        .businessKey(topicNumber).setVariables(variables).execute();
    records.setProcessInstance(topicNumber, instance.getId());
    return new Accepted(topicNumber, records.find(topicNumber).map(TopicRow::stage).orElse(TopicStage.REVIEW));
  }
}

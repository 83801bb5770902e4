package org.gridloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionRulesTests {

  static final ExpressionRules RULES = new ExpressionRules(PublishedBeans.of(Map.of(
      "assignment", Set.of("gridGroup", "streetGroup"),
      "deadlines", Set.of("dueIn", "reminderAfter"),
      "notifyReporter", Set.of())));

  @Nested
  class InModels {

    @ParameterizedTest
    @ValueSource(strings = {
        "${notifyReporter}",
        "${assignment.gridGroup(gridId)}",
        "${deadlines.dueIn(gridHandlingDeadline)}",
        "${gridOutcome == 'resolved'}",
        "${rating == 'unsatisfied' && reopenCount < 2}",
        "${!quorumMet && voteRerunCount < 1}",
        "${voteRule.votePeriod}",
        "${voteRule['votePeriod']}",
        "${linkedCase.address}",
        "${empty departments ? 'none' : departments}",
        "Case ${caseNumber} at ${address}",
        "${now()}",
        "${dateTime().plusDays(2).toDate()}",
        "#{gridId}"})
    void aModelMayReadVariablesComputeAndCallPublishedMethods(String expression) {
      assertThat(RULES.checkModel(expression)).as(expression).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "${execution.processEngineServices.identityService.createMembership('dengwen','camunda-admin')}",
        "${execution.getVariable('x')}",
        "${task.execution}",
        "${''.concat(identityService.createMembership('wangfang','supervisors'))}",
        "${''.getClass().forName('java.lang.Runtime')}",
        "${gridId.getClass()}",
        "${gridId.class}",
        "${gridId['class']}",
        "${voteRule.get('votePeriod')}",
        "${assignment.organisation}",
        "${assignment.someOtherMethod()}",
        "${notifyReporter.execute(null)}",
        "${identityService.createMembership('a','b')}",
        "${x[y]}",
        "${fn:exec('ls')}",
        "${unclosed"})
    void aModelMayNotReachTheEngineCallAnythingElseOrLeaveItsVariables(String expression) {
      assertThat(RULES.checkModel(expression)).as(expression).isPresent();
    }
  }

  @Nested
  class InStaffQueries {

    @ParameterizedTest
    @ValueSource(strings = {"${currentUser()}", "${currentUserGroups()}", "${now()}", "${dateTime()}",
        "${dateTime().plusHours(24)}", "${dateTime().minusDays(7)}", "${ dateTime().plusDays(1).toDate() }"})
    void staffFiltersHoldTheFilterFunctions(String expression) {
      assertThat(RULES.checkStaffQuery(expression)).as(expression).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "${''.concat(identityService.createMembership('wangfang','supervisors'))}",
        "${assignment.gridGroup('cx-hongxing-g1')}",
        "${deadlines.dueIn('PT1H')}",
        "${currentUser() == 'x' ? 'a' : 'b'}",
        "${dateTime().plusHours(x)}",
        "${dateTime().plusHours(24).toString()}",
        "Text ${currentUser()}",
        "${currentUser()}${now()}"})
    void staffFiltersHoldNothingElse(String expression) {
      assertThat(RULES.checkStaffQuery(expression)).as(expression).isPresent();
    }
  }
}

package org.gridloop.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.gridloop.deliberation.OwnersRegister.Unit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VoteTallyTests {

  /** Civil Code art. 278, (6)–(8): ≥ 2/3 take part, ≥ 3/4 of the voters approve. */
  static final VoteRule SPECIAL = new VoteRule("special majority", VoteRule.Basis.OWNERS,
      2, 3, true, 3, 4, true, "P15D", "P15D", "P15D");
  /** Civil Code art. 278, other matters: ≥ 2/3 take part, > 1/2 of the voters approve. */
  static final VoteRule ORDINARY = new VoteRule("ordinary majority", VoteRule.Basis.OWNERS,
      2, 3, true, 1, 2, false, "P15D", "P10D", "P15D");
  static final VoteRule RESIDENTS = new VoteRule("residents", VoteRule.Basis.RESIDENTS,
      0, 1, true, 1, 2, false, "P3D", "P3D", "P7D");

  static Unit unit(String unitId, String ownerId, String area) {
    return new Unit(unitId, ownerId, "业主 " + ownerId, ownerId + "@gridloop.example", new BigDecimal(area));
  }

  /** One unit per owner, owners o1, o2, … with the given areas. */
  static List<Unit> units(String... areas) {
    List<Unit> units = new ArrayList<>();
    for (int i = 0; i < areas.length; i++) {
      units.add(unit("u" + (i + 1), "o" + (i + 1), areas[i]));
    }
    return units;
  }

  static List<Ballot> ballots(String... ownerAndChoice) {
    return Stream.of(ownerAndChoice).map(s -> s.split("=")).map(p -> Ballot.of(p[0], p[1])).toList();
  }

  @Test
  void ordinaryMajorityPassesWithOverHalfOfTheVotersAreaAndHeadcount() {
    // 10 owners, 9 vote: 5 yes, 3 no, 1 abstains.
    List<Unit> units = units("88.50", "92.30", "76.00", "105.20", "88.50", "64.80", "120.00", "92.30", "76.00", "88.40");
    VoteResult result = VoteTally.tally(ORDINARY, units, ballots(
        "o1=yes", "o2=yes", "o3=yes", "o4=yes", "o5=yes", "o6=no", "o7=no", "o8=no", "o9=abstain"));

    assertThat(result.totalArea()).isEqualByComparingTo("892.00");
    assertThat(result.totalHeadcount()).isEqualTo(10);
    assertThat(result.participatingArea()).isEqualByComparingTo("803.60");
    assertThat(result.participatingHeadcount()).isEqualTo(9);
    assertThat(result.approvingArea()).isEqualByComparingTo("450.50");
    assertThat(result.approvingHeadcount()).isEqualTo(5);
    assertThat(result.opposingArea()).isEqualByComparingTo("277.10");
    assertThat(result.opposingHeadcount()).isEqualTo(3);
    assertThat(result.abstainingArea()).isEqualByComparingTo("76.00");
    assertThat(result.abstainingHeadcount()).isEqualTo(1);
    assertThat(result.quorumMet()).isTrue();
    assertThat(result.approvalByArea()).isTrue();
    assertThat(result.approvalByHeadcount()).isTrue();
    assertThat(result.passed()).isTrue();
    assertThat(result.reason()).startsWith("表决通过").contains("Passed", "803.60", "892.00", "5/9", "> 1/2");
  }

  @Test
  void specialMajorityNeedsThreeQuartersOfTheVotersByAreaAndByHeadcount() {
    // 8 owners vote; 6 yes = 3/4 of the headcount, and they hold 3/4 of the voters' area.
    List<Unit> units = units("100.00", "100.00", "100.00", "100.00", "100.00", "100.00", "100.00", "100.00");
    VoteResult passed = VoteTally.tally(SPECIAL, units, ballots(
        "o1=yes", "o2=yes", "o3=yes", "o4=yes", "o5=yes", "o6=yes", "o7=no", "o8=no"));
    assertThat(passed.passed()).isTrue();

    // The same vote under the ordinary rule passes too; under the special rule one yes less fails.
    VoteResult failed = VoteTally.tally(SPECIAL, units, ballots(
        "o1=yes", "o2=yes", "o3=yes", "o4=yes", "o5=yes", "o6=no", "o7=no", "o8=no"));
    assertThat(failed.quorumMet()).isTrue();
    assertThat(failed.passed()).isFalse();
    assertThat(failed.reason()).contains("同意未达到规定比例", "approval below the threshold", "≥ 3/4");
    assertThat(VoteTally.tally(ORDINARY, units, ballots(
        "o1=yes", "o2=yes", "o3=yes", "o4=yes", "o5=yes", "o6=no", "o7=no", "o8=no")).passed()).isTrue();
  }

  @Test
  void specialMajorityFailsWhenOnlyTheAreaReachesThreeQuarters() {
    // Owner o1 holds a large area: 3/4 of the area approves, but only 1 of 4 owners.
    List<Unit> units = units("300.00", "40.00", "30.00", "30.00");
    VoteResult result = VoteTally.tally(SPECIAL, units, ballots("o1=yes", "o2=no", "o3=no", "o4=no"));
    assertThat(result.approvalByArea()).isTrue();
    assertThat(result.approvalByHeadcount()).isFalse();
    assertThat(result.passed()).isFalse();
  }

  @Nested
  class Quorum {

    // Area: total 900.00 m² over 9 owners; o9 (300.00 m²) never votes, the other 8 hold
    // exactly 600.00 m² = 2/3 of the area, and 8 of 9 owners is well above 2/3.
    final List<Unit> byArea = units("75.00", "75.00", "75.00", "75.00", "75.00", "75.00", "75.00", "75.00", "300.00");

    @Test
    void exactlyTwoThirdsOfTheAreaTakingPartIsAQuorum() {
      VoteResult result = VoteTally.tally(ORDINARY, byArea, ballots(
          "o1=yes", "o2=yes", "o3=yes", "o4=yes", "o5=yes", "o6=no", "o7=no", "o8=abstain"));
      assertThat(result.participatingArea()).isEqualByComparingTo("600.00");
      assertThat(result.quorumByArea()).isTrue();
      assertThat(result.quorumByHeadcount()).isTrue();
      assertThat(result.quorumMet()).isTrue();
      assertThat(result.passed()).isTrue();
    }

    @Test
    void oneUnitLessThanTwoThirdsOfTheAreaIsNoQuorum() {
      VoteResult result = VoteTally.tally(ORDINARY, byArea, ballots(
          "o1=yes", "o2=yes", "o3=yes", "o4=yes", "o5=yes", "o6=no", "o7=no"));
      assertThat(result.participatingArea()).isEqualByComparingTo("525.00");
      assertThat(result.quorumByHeadcount()).as("7 of 9 owners").isTrue();
      assertThat(result.quorumByArea()).isFalse();
      assertThat(result.quorumMet()).isFalse();
      assertThat(result.passed()).as("a missed quorum never passes, however many say yes").isFalse();
      assertThat(result.reason()).contains("参与表决未达到法定比例", "quorum not met", "525.00", "900.00");
    }

    @Test
    void oneHundredthOfASquareMetreShortIsNoQuorum() {
      // 600.00 of 900.01 m² is just below 2/3.
      List<Unit> units = units("75.00", "75.00", "75.00", "75.00", "75.00", "75.00", "75.00", "75.00", "300.01");
      VoteResult result = VoteTally.tally(ORDINARY, units, ballots(
          "o1=yes", "o2=yes", "o3=yes", "o4=yes", "o5=yes", "o6=no", "o7=no", "o8=abstain"));
      assertThat(result.quorumByArea()).isFalse();
    }

    // Headcount: 6 owners; o1–o3 hold most of the area. 4 of 6 = exactly 2/3.
    final List<Unit> byHeadcount = units("200.00", "200.00", "200.00", "10.00", "10.00", "10.00");

    @Test
    void exactlyTwoThirdsOfTheOwnersTakingPartIsAQuorum() {
      VoteResult result = VoteTally.tally(ORDINARY, byHeadcount, ballots("o1=yes", "o2=yes", "o3=no", "o4=yes"));
      assertThat(result.participatingHeadcount()).isEqualTo(4);
      assertThat(result.quorumByHeadcount()).isTrue();
      assertThat(result.quorumByArea()).isTrue();
      assertThat(result.passed()).isTrue();
    }

    @Test
    void oneOwnerLessThanTwoThirdsOfTheOwnersIsNoQuorum() {
      VoteResult result = VoteTally.tally(ORDINARY, byHeadcount, ballots("o1=yes", "o2=yes", "o3=no"));
      assertThat(result.participatingArea()).as("600.00 of 630.00 m²").isEqualByComparingTo("600.00");
      assertThat(result.quorumByArea()).isTrue();
      assertThat(result.quorumByHeadcount()).isFalse();
      assertThat(result.quorumMet()).isFalse();
      assertThat(result.passed()).isFalse();
    }
  }

  @Nested
  class Approval {

    final List<Unit> four = units("95.00", "95.00", "95.00", "95.00");

    @Test
    void exactlyThreeQuartersApprovingPassesWhereThreeQuartersIsRequired() {
      VoteResult result = VoteTally.tally(SPECIAL, four, ballots("o1=yes", "o2=yes", "o3=yes", "o4=no"));
      assertThat(result.approvingArea()).isEqualByComparingTo("285.00");
      assertThat(result.approvalByArea()).isTrue();
      assertThat(result.approvalByHeadcount()).isTrue();
      assertThat(result.passed()).isTrue();
    }

    @Test
    void exactlyThreeQuartersOfAnUnevenAreaPassesWhereFloatingPointWouldFailIt() {
      // yes 40.00 + 41.48 + 41.85 = 123.33 m² of the voters' 164.44 m²: exactly 3/4.
      List<Unit> units = units("40.00", "41.48", "41.85", "41.11");
      assertThat((40.00 + 41.48 + 41.85) / (40.00 + 41.48 + 41.85 + 41.11))
          .as("what a double would decide").isLessThan(0.75);
      VoteResult result = VoteTally.tally(SPECIAL, units, ballots("o1=yes", "o2=yes", "o3=yes", "o4=no"));
      assertThat(result.approvingArea()).isEqualByComparingTo("123.33");
      assertThat(result.participatingArea()).isEqualByComparingTo("164.44");
      assertThat(result.approvalByArea()).isTrue();
      assertThat(result.passed()).isTrue();
    }

    @Test
    void exactlyHalfFailsWhereOverHalfIsRequired() {
      VoteResult result = VoteTally.tally(ORDINARY, four, ballots("o1=yes", "o2=yes", "o3=no", "o4=no"));
      assertThat(result.quorumMet()).isTrue();
      assertThat(result.approvalByArea()).isFalse();
      assertThat(result.approvalByHeadcount()).isFalse();
      assertThat(result.passed()).isFalse();
      assertThat(result.reason()).contains("> 1/2");
    }

    @Test
    void exactlyHalfOfAnUnevenAreaFailsWhereOverHalfIsRequired() {
      // yes 10.10 + 20.20 = 30.30 m² of the voters' 60.60 m² is exactly 1/2, not more.
      List<Unit> units = units("10.10", "20.20", "30.30");
      VoteResult result = VoteTally.tally(ORDINARY, units, ballots("o1=yes", "o2=yes", "o3=no"));
      assertThat(result.approvingArea()).isEqualByComparingTo("30.30");
      assertThat(result.approvalByArea()).isFalse();
      assertThat(result.approvalByHeadcount()).as("2 of 3 owners").isTrue();
      assertThat(result.passed()).isFalse();
    }

    @Test
    void abstentionsTakePartButDoNotApprove() {
      // 3 of 4 vote: quorum. 2 yes of 3 voters > 1/2 passes; with 2 abstentions 1 yes of 3 fails.
      assertThat(VoteTally.tally(ORDINARY, four, ballots("o1=yes", "o2=yes", "o3=abstain")).passed()).isTrue();
      VoteResult result = VoteTally.tally(ORDINARY, four, ballots("o1=yes", "o2=abstain", "o3=abstain"));
      assertThat(result.participatingHeadcount()).isEqualTo(3);
      assertThat(result.abstainingHeadcount()).isEqualTo(2);
      assertThat(result.quorumMet()).isTrue();
      assertThat(result.passed()).isFalse();
    }

    @Test
    void nobodyVotingApprovesNothing() {
      VoteResult result = VoteTally.tally(RESIDENTS, List.of(), List.of());
      assertThat(result.quorumMet()).isTrue();
      assertThat(result.passed()).isFalse();
    }
  }

  @Nested
  class Headcount {

    @Test
    void severalUnitsOfOneOwnerCountOnce() {
      // o1 owns two units; 3 owners in all, 4 units.
      List<Unit> units = List.of(
          unit("1-101", "o1", "80.00"), unit("1-102", "o1", "80.00"),
          unit("1-201", "o2", "80.00"), unit("1-202", "o3", "80.00"));
      VoteResult result = VoteTally.tally(ORDINARY, units, ballots("o1=yes", "o2=no"));
      assertThat(result.totalHeadcount()).isEqualTo(3);
      assertThat(result.totalArea()).isEqualByComparingTo("320.00");
      assertThat(result.participatingHeadcount()).isEqualTo(2);
      assertThat(result.participatingArea()).isEqualByComparingTo("240.00");
      assertThat(result.approvingHeadcount()).isEqualTo(1);
      assertThat(result.approvingArea()).isEqualByComparingTo("160.00");
      // 2 of 3 owners and 3/4 of the area take part; yes has 2/3 of the voters' area but 1 of 2 owners.
      assertThat(result.quorumMet()).isTrue();
      assertThat(result.approvalByArea()).isTrue();
      assertThat(result.approvalByHeadcount()).isFalse();
      assertThat(result.passed()).isFalse();
    }

    @Test
    void theDevelopersUnsoldUnitsCountAsOneOwner() {
      // The developer holds 5 unsold units under one owner id: a large area, one head.
      List<Unit> units = new ArrayList<>(List.of(
          unit("2-101", "dev", "90.00"), unit("2-102", "dev", "90.00"), unit("2-201", "dev", "90.00"),
          unit("2-202", "dev", "90.00"), unit("2-301", "dev", "90.00")));
      units.addAll(List.of(unit("2-302", "o1", "90.00"), unit("2-401", "o2", "90.00"), unit("2-402", "o3", "90.00")));
      VoteResult result = VoteTally.tally(ORDINARY, units, ballots("dev=yes", "o1=no", "o2=no"));
      assertThat(result.totalHeadcount()).isEqualTo(4);
      assertThat(result.participatingHeadcount()).isEqualTo(3);
      assertThat(result.approvingHeadcount()).isEqualTo(1);
      assertThat(result.approvingArea()).isEqualByComparingTo("450.00");
      assertThat(result.quorumMet()).isTrue();
      assertThat(result.approvalByArea()).as("450 of 630 m²").isTrue();
      assertThat(result.approvalByHeadcount()).as("1 of 3 owners").isFalse();
      assertThat(result.passed()).isFalse();
    }
  }

  @Nested
  class Ballots {

    final List<Unit> three = units("90.00", "90.00", "90.00");

    @Test
    void anOwnersLatestBallotCounts() {
      VoteResult result = VoteTally.tally(ORDINARY, three, ballots("o1=no", "o2=yes", "o3=yes", "o1=yes", "o3=no"));
      assertThat(result.participatingHeadcount()).isEqualTo(3);
      assertThat(result.approvingHeadcount()).isEqualTo(2);
      assertThat(result.opposingHeadcount()).isEqualTo(1);
    }

    @Test
    void aBallotFromSomeoneWithoutAUnitInTheScopeIsRefused() {
      assertThatThrownBy(() -> VoteTally.tally(ORDINARY, three, ballots("o1=yes", "stranger=yes")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("stranger");
    }

    @Test
    void choicesAreYesNoOrAbstain() {
      assertThat(Ballot.Choice.parse("ABSTAIN")).isEqualTo(Ballot.Choice.ABSTAIN);
      assertThatThrownBy(() -> Ballot.of("o1", "maybe")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void residentsDecideByASimpleMajorityOfThoseWhoTakePart() {
    VoteResult passed = VoteTally.tally(RESIDENTS, List.of(), ballots("r1=yes", "r2=yes", "r3=no", "r4=abstain", "r5=yes"));
    assertThat(passed.participatingHeadcount()).isEqualTo(5);
    assertThat(passed.approvingHeadcount()).isEqualTo(3);
    assertThat(passed.totalArea()).isNull();
    assertThat(passed.quorumMet()).isTrue();
    assertThat(passed.passed()).isTrue();

    VoteResult tied = VoteTally.tally(RESIDENTS, List.of(), ballots("r1=yes", "r2=no"));
    assertThat(tied.passed()).isFalse();
  }

  @Test
  void theResultMapCarriesEveryFigureAsExactText() {
    Map<String, Object> map = VoteTally.tally(ORDINARY, units("88.50", "92.30", "76.00"),
        ballots("o1=yes", "o2=yes", "o3=no")).toMap();
    assertThat(map).containsEntry("totalArea", "256.80")
        .containsEntry("participatingArea", "256.80")
        .containsEntry("approvingArea", "180.80")
        .containsEntry("quorumRule", "≥ 2/3")
        .containsEntry("approvalRule", "> 1/2")
        .containsEntry("basis", "owners")
        .containsEntry("passed", true)
        .containsKeys("ruleName", "reason", "quorumMet", "quorumByArea", "quorumByHeadcount",
            "approvalByArea", "approvalByHeadcount", "opposingArea", "abstainingHeadcount");
  }

  @Nested
  class Register {

    static final Path DEMO = Path.of("src/main/resources/demo/owners-register.yaml");

    @Test
    void theDemoRegisterLoads() {
      OwnersRegister register = OwnersRegisterReader.read(DEMO);
      assertThat(register.compoundIds()).hasSizeGreaterThanOrEqualTo(3);
      register.compoundIds().forEach(id -> assertThat(register.units(id)).hasSizeBetween(12, 30));
      register.compoundIds().forEach(id -> register.units(id)
          .forEach(unit -> assertThat(unit.email()).endsWith("@gridloop.example")));
      assertThat(register.compoundIds()).allMatch(id -> id.matches("(cx|sy|hh)-[a-z-]+"));
      // the demo has an owner with two units and a developer with unsold units
      assertThat(register.compoundIds().stream().flatMap(id -> register.owners(id).stream()))
          .anyMatch(owner -> owner.units().size() == 2)
          .anyMatch(owner -> owner.units().size() >= 3);
    }

    @Test
    void areasAreReadExactly() {
      OwnersRegister register = read("""
              compounds:
                - id: cx-test
                  name: 测试苑
                  units:
                    - { unitId: T-1, ownerId: t1, ownerName: 张三, email: t1@gridloop.example, area: 0.1 }
                    - { unitId: T-2, ownerId: t1, ownerName: 张三, email: t1@gridloop.example, area: 89.57 }
                    - { unitId: T-3, ownerId: t2, ownerName: 李四, email: t2@gridloop.example, area: 100 }
              """);
      assertThat(register.units("cx-test")).extracting(Unit::area)
          .containsExactly(new BigDecimal("0.10"), new BigDecimal("89.57"), new BigDecimal("100.00"));
      assertThat(register.owner("cx-test", "t1")).get()
          .satisfies(owner -> assertThat(owner.area()).isEqualTo(new BigDecimal("89.67")));
      assertThat(register.owner("other", "t1")).isEmpty();
      assertThat(register.owners("cx-test")).hasSize(2);
    }

    @Test
    void anInvalidRegisterNamesTheEntry() {
      assertThatThrownBy(() -> read("""
              compounds:
                - id: cx-test
                  units:
                    - { unitId: T-1, ownerId: t1, ownerName: 张三, area: 89.575 }
              """)).hasMessageContaining("T-1").hasMessageContaining("two decimals");
      assertThatThrownBy(() -> read("""
              compounds:
                - id: cx-test
                  units:
                    - { unitId: T-1, ownerId: t1, ownerName: 张三, area: 80 }
                    - { unitId: T-1, ownerId: t2, ownerName: 李四, area: 80 }
              """)).hasMessageContaining("T-1").hasMessageContaining("duplicate");
      assertThatThrownBy(() -> read("""
              compounds:
                - id: cx-a
                  units:
                    - { unitId: A-1, ownerId: t1, ownerName: 张三, area: 80 }
                - id: cx-b
                  units:
                    - { unitId: B-1, ownerId: t1, ownerName: 张三, area: 80 }
              """)).hasMessageContaining("B-1").hasMessageContaining("cx-a");
      assertThatThrownBy(() -> read("""
              compounds:
                - id: cx-test
                  units:
                    - { unitId: T-1, ownerId: t1, area: 80 }
              """)).hasMessageContaining("T-1").hasMessageContaining("ownerName");
      assertThatThrownBy(() -> read("""
              compounds:
                - id: cx-test
                  units:
                    - { unitId: T-1, ownerId: t1, ownerName: 张三, area: 80, floor: 3 }
              """)).hasMessageContaining("floor");
    }

    private OwnersRegister read(String yaml) {
      InputStream in = new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
      return OwnersRegisterReader.read(in, "test");
    }
  }

  @Nested
  class Rules {

    static DmnEngine engine;
    static DmnDecision decision;

    @BeforeAll
    static void parseTheDecisionTable() throws Exception {
      engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
      try (InputStream in = Files.newInputStream(Path.of("bpmn/vote-rules.dmn"))) {
        decision = engine.parseDecision("vote-rules", in);
      }
    }

    static Stream<Arguments> matterTypes() {
      return Stream.of(
          Arguments.of("raise-maintenance-fund", "owners", 2, 3, true, 3, 4, true),
          Arguments.of("renovate-or-rebuild", "owners", 2, 3, true, 3, 4, true),
          Arguments.of("elevator-retrofit", "owners", 2, 3, true, 3, 4, true),
          Arguments.of("change-common-use", "owners", 2, 3, true, 3, 4, true),
          Arguments.of("assembly-rules", "owners", 2, 3, true, 1, 2, false),
          Arguments.of("owners-covenant", "owners", 2, 3, true, 1, 2, false),
          Arguments.of("owners-committee", "owners", 2, 3, true, 1, 2, false),
          Arguments.of("property-company", "owners", 2, 3, true, 1, 2, false),
          Arguments.of("use-maintenance-fund", "owners", 2, 3, true, 1, 2, false),
          Arguments.of("other-major-matter", "owners", 2, 3, true, 1, 2, false),
          Arguments.of("community-activity", "residents", 0, 1, true, 1, 2, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matterTypes")
    void everyMatterTypeHasItsThresholds(String matterType, String basis,
        int quorumNumerator, int quorumDenominator, boolean quorumInclusive,
        int approvalNumerator, int approvalDenominator, boolean approvalInclusive) {
      DmnDecisionResult result = engine.evaluateDecision(decision,
          Variables.createVariables().putValue("matterType", matterType));
      assertThat(result).hasSize(1);
      VoteRule rule = VoteRule.fromMap(result.getSingleResult().getEntryMap());

      assertThat(rule.basis().code()).isEqualTo(basis);
      assertThat(rule.quorumNumerator()).isEqualTo(quorumNumerator);
      assertThat(rule.quorumDenominator()).isEqualTo(quorumDenominator);
      assertThat(rule.quorumInclusive()).isEqualTo(quorumInclusive);
      assertThat(rule.approvalNumerator()).isEqualTo(approvalNumerator);
      assertThat(rule.approvalDenominator()).isEqualTo(approvalDenominator);
      assertThat(rule.approvalInclusive()).isEqualTo(approvalInclusive);
      // bilingual rule name: Chinese first, then English
      assertThat(rule.ruleName()).matches("^\\p{IsHan}.*[A-Za-z].*");
      // the periods the timers of four-affairs.bpmn wait for (validated as ISO-8601 durations by VoteRule)
      assertThat(List.of(rule.noticePeriod(), rule.votePeriod(), rule.evaluationPeriod())).allMatch(p -> p.startsWith("P"));
    }

    @Test
    void everyMatterTypeOfTheTableIsCovered() throws Exception {
      String dmn = Files.readString(Path.of("bpmn/vote-rules.dmn"));
      assertThat(dmn.split("<rule ", -1)).hasSize((int) matterTypes().count() + 1);
      assertThat(dmn).contains("camunda:historyTimeToLive=\"P3650D\"", "hitPolicy=\"UNIQUE\"", "<dmndi:DMNShape");
    }

    @Test
    void anUnknownMatterTypeMatchesNoRule() {
      DmnDecisionResult result = engine.evaluateDecision(decision,
          Variables.createVariables().putValue("matterType", "parking-fees"));
      assertThat(result).isEmpty();
      assertThatThrownBy(() -> VoteRule.fromMap(null)).hasMessageContaining("matched no rule");
    }
  }
}

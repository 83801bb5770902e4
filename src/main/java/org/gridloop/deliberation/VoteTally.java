package org.gridloop.deliberation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts a vote under a {@link VoteRule} (决: the decision step of 四事四共).
 *
 * <h2>Owners' decisions (basis {@code owners}, Civil Code art. 278)</h2>
 * <ul>
 *   <li>The electorate is the units of the scope passed in; each owner id counts once in the
 *       headcount whatever the number of their units (the developer's unsold units share one
 *       owner id and so count as one owner), and with the sum of their units' areas.
 *   <li>Quorum: participating area / total area and participating owners / all owners, each
 *       against the quorum fraction; both must hold.
 *   <li>Approval: approving area / participating area and approving owners / participating
 *       owners, each against the approval fraction; both must hold.
 *   <li>Abstentions participate (they count towards the quorum and the denominators of the
 *       approval) and do not approve: an abstention weighs like a no in the approval. This is
 *       what "参与表决…的业主同意" says: the share is taken of those who took part.
 *   <li>An owner's latest ballot counts (a vote may be changed until the vote closes). A ballot
 *       from an owner id with no unit in the scope is refused with an
 *       {@link IllegalArgumentException}: the API must not have accepted it.
 * </ul>
 *
 * <h2>Residents' decisions (basis {@code residents})</h2>
 * Headcount of the residents who voted only; there is no register to count a quorum against,
 * so the rule's quorum must be "≥ 0" (none) or "&gt; 0" (at least one voter).
 *
 * <h2>Exactness</h2>
 * Areas are counted in hundredths of m² as {@code long}; every comparison is a cross
 * multiplication in {@link BigInteger} ({@code part × denominator} against
 * {@code numerator × whole}), never a division or a floating-point number, so "exactly 2/3"
 * and "exactly 1/2" fall on the right side of the line. With nobody participating nothing is
 * approved.
 */
public final class VoteTally {

  private VoteTally() {
  }

  /**
   * @param rule    the rule from {@code vote-rules.dmn}
   * @param units   the electorate for basis {@code owners} (e.g. the units of the topic's
   *                compound); ignored for basis {@code residents}
   * @param ballots the ballots in the order they were cast
   */
  public static VoteResult tally(VoteRule rule, Collection<OwnersRegister.Unit> units, Collection<Ballot> ballots) {
    return switch (rule.basis()) {
      case OWNERS -> tallyOwners(rule, units, ballots);
      case RESIDENTS -> tallyResidents(rule, ballots);
    };
  }

  private static VoteResult tallyOwners(VoteRule rule, Collection<OwnersRegister.Unit> units, Collection<Ballot> ballots) {
    if (units == null || units.isEmpty()) {
      throw new IllegalArgumentException("an owners' vote needs the units of its scope; none given");
    }
    Map<String, Long> areaByOwner = new LinkedHashMap<>();
    for (OwnersRegister.Unit unit : units) {
      areaByOwner.merge(unit.ownerId(), unit.areaHundredths(), Math::addExact);
    }
    Map<String, Ballot.Choice> choices = latestChoices(ballots);

    long totalArea = areaByOwner.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
    long totalOwners = areaByOwner.size();
    long[] area = new long[Ballot.Choice.values().length];
    long[] heads = new long[Ballot.Choice.values().length];
    choices.forEach((ownerId, choice) -> {
      Long ownerArea = areaByOwner.get(ownerId);
      if (ownerArea == null) {
        throw new IllegalArgumentException("ballot from " + ownerId + ", who owns no unit in the scope of this vote");
      }
      area[choice.ordinal()] = Math.addExact(area[choice.ordinal()], ownerArea);
      heads[choice.ordinal()]++;
    });
    long yesArea = area[Ballot.Choice.YES.ordinal()];
    long yesHeads = heads[Ballot.Choice.YES.ordinal()];
    long participatingArea = yesArea + area[Ballot.Choice.NO.ordinal()] + area[Ballot.Choice.ABSTAIN.ordinal()];
    long participatingHeads = choices.size();

    boolean quorumByArea = meets(participatingArea, totalArea,
        rule.quorumNumerator(), rule.quorumDenominator(), rule.quorumInclusive());
    boolean quorumByHeads = meets(participatingHeads, totalOwners,
        rule.quorumNumerator(), rule.quorumDenominator(), rule.quorumInclusive());
    boolean approvalByArea = participatingHeads > 0 && meets(yesArea, participatingArea,
        rule.approvalNumerator(), rule.approvalDenominator(), rule.approvalInclusive());
    boolean approvalByHeads = participatingHeads > 0 && meets(yesHeads, participatingHeads,
        rule.approvalNumerator(), rule.approvalDenominator(), rule.approvalInclusive());
    boolean quorumMet = quorumByArea && quorumByHeads;
    boolean passed = quorumMet && approvalByArea && approvalByHeads;

    String reason = outcome(passed, quorumMet)
        + "参与表决专有部分面积 " + m2(participatingArea) + "/" + m2(totalArea) + " m²" + mark(quorumByArea)
        + "，参与表决人数 " + participatingHeads + "/" + totalOwners + mark(quorumByHeads)
        + "（需 " + rule.quorumText() + "）；同意面积 " + m2(yesArea) + "/" + m2(participatingArea) + " m²"
        + mark(approvalByArea) + "，同意人数 " + yesHeads + "/" + participatingHeads + mark(approvalByHeads)
        + "（需参与表决者的 " + rule.approvalText() + "）。"
        + outcomeEn(passed, quorumMet)
        + "participating area " + m2(participatingArea) + " of " + m2(totalArea) + " m²" + mark(quorumByArea)
        + ", participating owners " + participatingHeads + " of " + totalOwners + mark(quorumByHeads)
        + " (" + rule.quorumText() + " required); approving area " + m2(yesArea) + " of "
        + m2(participatingArea) + " m²" + mark(approvalByArea) + ", approving owners " + yesHeads + " of "
        + participatingHeads + mark(approvalByHeads) + " (" + rule.approvalText() + " of the voters required).";

    return new VoteResult(rule,
        area(totalArea), totalOwners,
        area(participatingArea), participatingHeads,
        area(yesArea), yesHeads,
        area(area[Ballot.Choice.NO.ordinal()]), heads[Ballot.Choice.NO.ordinal()],
        area(area[Ballot.Choice.ABSTAIN.ordinal()]), heads[Ballot.Choice.ABSTAIN.ordinal()],
        quorumByArea, quorumByHeads, quorumMet,
        approvalByArea, approvalByHeads, passed,
        reason);
  }

  private static VoteResult tallyResidents(VoteRule rule, Collection<Ballot> ballots) {
    Map<String, Ballot.Choice> choices = latestChoices(ballots);
    long[] heads = new long[Ballot.Choice.values().length];
    choices.values().forEach(choice -> heads[choice.ordinal()]++);
    long participating = choices.size();
    long yes = heads[Ballot.Choice.YES.ordinal()];

    boolean quorumMet;
    if (rule.hasNoQuorum()) {
      quorumMet = true;
    } else if (rule.quorumNumerator() == 0) {
      quorumMet = participating > 0;
    } else {
      throw new IllegalArgumentException("rule '" + rule.ruleName() + "': a residents' vote has no register to count a quorum of "
          + rule.quorumText() + " against; its quorum must be ≥ 0/1 or > 0/1");
    }
    boolean approval = participating > 0 && meets(yes, participating,
        rule.approvalNumerator(), rule.approvalDenominator(), rule.approvalInclusive());
    boolean passed = quorumMet && approval;

    String reason = outcome(passed, quorumMet)
        + "参与居民 " + participating + " 人，同意 " + yes + "/" + participating + mark(approval)
        + "（需参与者的 " + rule.approvalText() + "）。"
        + outcomeEn(passed, quorumMet)
        + participating + " residents took part, " + yes + " of " + participating + " approved" + mark(approval)
        + " (" + rule.approvalText() + " of the participants required).";

    return new VoteResult(rule,
        null, null,
        null, participating,
        null, yes,
        null, heads[Ballot.Choice.NO.ordinal()],
        null, heads[Ballot.Choice.ABSTAIN.ordinal()],
        null, quorumMet, quorumMet,
        null, approval, passed,
        reason);
  }

  /**
   * {@code part / whole ≥ numerator / denominator} (inclusive) or {@code >} (exclusive),
   * decided exactly by cross multiplication.
   */
  static boolean meets(long part, long whole, int numerator, int denominator, boolean inclusive) {
    int comparison = BigInteger.valueOf(part).multiply(BigInteger.valueOf(denominator))
        .compareTo(BigInteger.valueOf(numerator).multiply(BigInteger.valueOf(whole)));
    return inclusive ? comparison >= 0 : comparison > 0;
  }

  private static Map<String, Ballot.Choice> latestChoices(Collection<Ballot> ballots) {
    Map<String, Ballot.Choice> choices = new LinkedHashMap<>();
    if (ballots != null) {
      for (Ballot ballot : ballots) {
        choices.put(ballot.ownerId(), ballot.choice());
      }
    }
    return choices;
  }

  private static BigDecimal area(long hundredths) {
    return BigDecimal.valueOf(hundredths, 2);
  }

  private static String m2(long hundredths) {
    return area(hundredths).toPlainString();
  }

  private static String mark(boolean met) {
    return met ? " ✓" : " ✗";
  }

  private static String outcome(boolean passed, boolean quorumMet) {
    if (passed) {
      return "表决通过：";
    }
    return quorumMet ? "表决未通过（同意未达到规定比例）：" : "表决未通过（参与表决未达到法定比例）：";
  }

  private static String outcomeEn(boolean passed, boolean quorumMet) {
    if (passed) {
      return " Passed: ";
    }
    return quorumMet ? " Not passed (approval below the threshold): " : " Not passed (quorum not met): ";
  }
}

package org.gridloop.deliberation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of a tally with every figure it rests on.
 *
 * <p>Areas are exclusive floor areas in m² with two decimals; headcounts count owners (one per
 * owner id) or, for basis {@code residents}, the participating residents. For basis
 * {@code residents} the area figures, {@code totalHeadcount} and the area checks are
 * {@code null}: they do not apply.
 *
 * <ul>
 *   <li>participating = voted, whatever the choice (abstentions included);
 *   <li>approving = voted yes; opposing = voted no; abstaining = voted abstain;
 *   <li>quorum: participating against all owners of the scope;
 *   <li>approval: approving against participating.
 * </ul>
 *
 * @param reason why it passed or failed, Chinese then English, with the figures
 */
public record VoteResult(
    VoteRule rule,
    BigDecimal totalArea,
    Long totalHeadcount,
    BigDecimal participatingArea,
    long participatingHeadcount,
    BigDecimal approvingArea,
    long approvingHeadcount,
    BigDecimal opposingArea,
    long opposingHeadcount,
    BigDecimal abstainingArea,
    long abstainingHeadcount,
    Boolean quorumByArea,
    boolean quorumByHeadcount,
    boolean quorumMet,
    Boolean approvalByArea,
    boolean approvalByHeadcount,
    boolean passed,
    String reason) {

  /**
   * The result as plain, JSON-friendly values for the process variable {@code voteResult}
   * and the public board: strings, numbers and booleans only, areas as exact decimal strings
   * ("1234.50"), the rule's outputs flattened in.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("ruleName", rule.ruleName());
    map.put("basis", rule.basis().code());
    map.put("quorumRule", rule.quorumText());
    map.put("approvalRule", rule.approvalText());
    map.put("quorumNumerator", rule.quorumNumerator());
    map.put("quorumDenominator", rule.quorumDenominator());
    map.put("quorumInclusive", rule.quorumInclusive());
    map.put("approvalNumerator", rule.approvalNumerator());
    map.put("approvalDenominator", rule.approvalDenominator());
    map.put("approvalInclusive", rule.approvalInclusive());
    map.put("totalArea", text(totalArea));
    map.put("totalHeadcount", totalHeadcount);
    map.put("participatingArea", text(participatingArea));
    map.put("participatingHeadcount", participatingHeadcount);
    map.put("approvingArea", text(approvingArea));
    map.put("approvingHeadcount", approvingHeadcount);
    map.put("opposingArea", text(opposingArea));
    map.put("opposingHeadcount", opposingHeadcount);
    map.put("abstainingArea", text(abstainingArea));
    map.put("abstainingHeadcount", abstainingHeadcount);
    map.put("quorumByArea", quorumByArea);
    map.put("quorumByHeadcount", quorumByHeadcount);
    map.put("quorumMet", quorumMet);
    map.put("approvalByArea", approvalByArea);
    map.put("approvalByHeadcount", approvalByHeadcount);
    map.put("passed", passed);
    map.put("reason", reason);
    return map;
  }

  private static String text(BigDecimal area) {
    return area == null ? null : area.toPlainString();
  }
}

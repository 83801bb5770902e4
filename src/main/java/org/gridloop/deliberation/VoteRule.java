package org.gridloop.deliberation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The outputs of the decision table {@code vote-rules} ({@code bpmn/vote-rules.dmn}) for one
 * matter type: which electorate votes, the quorum and the approval threshold as exact
 * fractions, and the periods of the public notice, the vote and the evaluation.
 *
 * <p>A threshold reads "numerator/denominator", inclusive meaning "≥" (以上) and exclusive
 * meaning "&gt;" (过半数). The quorum applies to all owners of the scope; the approval applies
 * to the participating voters, as art. 278 of the Civil Code says.
 *
 * @param ruleName            the rule applied, Chinese then English
 * @param basis               who votes: the owners of the scope or the participating residents
 * @param noticePeriod        ISO-8601 duration of the public notice (公示期)
 * @param votePeriod          ISO-8601 duration of the vote (表决期)
 * @param evaluationPeriod    ISO-8601 duration of the residents' evaluation (评议期)
 */
public record VoteRule(
    String ruleName,
    Basis basis,
    int quorumNumerator,
    int quorumDenominator,
    boolean quorumInclusive,
    int approvalNumerator,
    int approvalDenominator,
    boolean approvalInclusive,
    String noticePeriod,
    String votePeriod,
    String evaluationPeriod) {

  /** Who votes. */
  public enum Basis {
    /** 业主共同决定: owners, by exclusive floor area and by headcount (art. 278). */
    OWNERS("owners"),
    /** 居民议事: the residents who take part, by headcount only. */
    RESIDENTS("residents");

    private final String code;

    Basis(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static Basis parse(String code) {
      if (code != null) {
        for (Basis basis : values()) {
          if (basis.code.equals(code.trim().toLowerCase(Locale.ROOT))) {
            return basis;
          }
        }
      }
      throw new IllegalArgumentException("unknown vote basis '" + code + "': expected owners or residents");
    }
  }

  private static final Pattern ISO_DURATION = Pattern.compile(
      "P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?");

  public VoteRule {
    require(ruleName != null && !ruleName.isBlank(), "ruleName is required");
    require(basis != null, "basis is required");
    requireFraction("quorum", quorumNumerator, quorumDenominator);
    requireFraction("approval", approvalNumerator, approvalDenominator);
    require(approvalNumerator > 0, "approval needs a numerator above 0");
    requireDuration("noticePeriod", noticePeriod);
    requireDuration("votePeriod", votePeriod);
    requireDuration("evaluationPeriod", evaluationPeriod);
  }

  /**
   * Reads the rule from the decision result of {@code vote-rules} (the process variable
   * {@code voteRule}, a map of output name to value). Numbers may come as any
   * {@link Number}, booleans and numbers also as strings.
   */
  public static VoteRule fromMap(Map<String, ?> outputs) {
    require(outputs != null, "no vote rule: the decision vote-rules matched no rule for this matter type");
    return new VoteRule(
        string(outputs, "ruleName"),
        Basis.parse(string(outputs, "basis")),
        integer(outputs, "quorumNumerator"),
        integer(outputs, "quorumDenominator"),
        bool(outputs, "quorumInclusive"),
        integer(outputs, "approvalNumerator"),
        integer(outputs, "approvalDenominator"),
        bool(outputs, "approvalInclusive"),
        string(outputs, "noticePeriod"),
        string(outputs, "votePeriod"),
        string(outputs, "evaluationPeriod"));
  }

  /** The rule as the decision table writes it: output name to value. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("ruleName", ruleName);
    map.put("basis", basis.code());
    map.put("quorumNumerator", quorumNumerator);
    map.put("quorumDenominator", quorumDenominator);
    map.put("quorumInclusive", quorumInclusive);
    map.put("approvalNumerator", approvalNumerator);
    map.put("approvalDenominator", approvalDenominator);
    map.put("approvalInclusive", approvalInclusive);
    map.put("noticePeriod", noticePeriod);
    map.put("votePeriod", votePeriod);
    map.put("evaluationPeriod", evaluationPeriod);
    return map;
  }

  /** The quorum as people read it, e.g. "≥ 2/3". */
  public String quorumText() {
    return fractionText(quorumNumerator, quorumDenominator, quorumInclusive);
  }

  /** The approval threshold as people read it, e.g. "&gt; 1/2". */
  public String approvalText() {
    return fractionText(approvalNumerator, approvalDenominator, approvalInclusive);
  }

  /** True when the rule asks for no minimum participation (e.g. "≥ 0/1"). */
  public boolean hasNoQuorum() {
    return quorumNumerator == 0 && quorumInclusive;
  }

  static String fractionText(int numerator, int denominator, boolean inclusive) {
    return (inclusive ? "≥ " : "> ") + numerator + "/" + denominator;
  }

  private static void requireFraction(String name, int numerator, int denominator) {
    require(denominator > 0, name + "Denominator must be above 0, was " + denominator);
    require(numerator >= 0 && numerator <= denominator,
        name + "Numerator must be between 0 and " + name + "Denominator, was " + numerator);
  }

  private static void requireDuration(String name, String value) {
    require(value != null && ISO_DURATION.matcher(value).matches(),
        name + " must be an ISO-8601 duration such as P15D, was '" + value + "'");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  private static Object value(Map<String, ?> outputs, String name) {
    Object value = outputs.get(name);
    require(value != null, "vote rule output '" + name + "' is missing");
    return value;
  }

  private static String string(Map<String, ?> outputs, String name) {
    return value(outputs, name).toString();
  }

  private static int integer(Map<String, ?> outputs, String name) {
    Object value = value(outputs, name);
    try {
      if (value instanceof Number number) {
        long asLong = number.longValue();
        require(asLong == number.doubleValue(), "vote rule output '" + name + "' must be a whole number, was " + value);
        return Math.toIntExact(asLong);
      }
      return Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("vote rule output '" + name + "' must be a whole number, was " + value, e);
    }
  }

  private static boolean bool(Map<String, ?> outputs, String name) {
    Object value = value(outputs, name);
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().trim();
    require(text.equals("true") || text.equals("false"),
        "vote rule output '" + name + "' must be true or false, was " + value);
    return Boolean.parseBoolean(text);
  }
}

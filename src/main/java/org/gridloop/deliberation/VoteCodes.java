package org.gridloop.deliberation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.gridloop.deliberation.TopicRecords.CouncilCodeRow;
import org.gridloop.deliberation.TopicRecords.VoterRow;
import org.springframework.stereotype.Component;

/**
 * How a voter proves who they are: the owner id plus a personal vote code.
 *
 * <ul>
 *   <li>When a vote round opens, every owner of the electorate with an address in the owners
 *       register is mailed a fresh random code of eight characters ({@value #ALPHABET}, about 39
 *       bits). That code stays the owner's for the whole round.
 *   <li>An owner without an address, or who lost the mail, gets a code from the council
 *       ({@code POST /api/topics/{id}/vote-codes}), which must say why; each one is recorded with
 *       who issued it and when, the owner is mailed a notice of it, and the public record counts
 *       them. A newer council code replaces the council's earlier one, never the mailed code.
 *   <li>Only a SHA-256 hash of (topic, round, owner, code) is stored; the code itself is never kept.
 *   <li>A wrong code is refused (403) and nothing else: it never locks the owner's code, because
 *       owner ids can be counted and a stranger could then lock out a whole electorate. Guessing is
 *       throttled per client instead ({@code security/ClientRateLimit} counts those 403s).
 * </ul>
 * Whoever holds an owner's code can vote for that owner (as with a paper ballot handed over);
 * the code is only as safe as the owner's mailbox. The mail itself waits in the mail outbox
 * (gl_mail_outbox) until sent, with the code in its text: the outbox must be as closely held as
 * the ballots.
 */
@Component
public class VoteCodes {

  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  static final int LENGTH = 8;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Which code a ballot was proven with, or why it was refused. */
  public enum Check { OWN_CODE, COUNCIL_CODE, WRONG, NONE_ISSUED }

  /** The outcome of checking a code; {@code councilCodeId} is set for {@link Check#COUNCIL_CODE}. */
  public record Proof(Check check, Long councilCodeId) {
    public boolean accepted() {
      return check == Check.OWN_CODE || check == Check.COUNCIL_CODE;
    }
  }

  /** A code the council issued: the code to hand over, and its record. */
  public record CouncilCode(String code, CouncilCodeRow record) {
  }

  private final TopicRecords records;

  public VoteCodes(TopicRecords records) {
    this.records = records;
  }

  /** The owner's own code for the round, to be mailed to them (replaces an earlier mailed one), e.g. {@code K7QM-3XPA}. */
  public String issue(String topicNumber, int round, String ownerId) {
    String code = newCode();
    records.saveVoterCode(topicNumber, round, ownerId, hash(topicNumber, round, ownerId, code), TopicTime.now());
    return code;
  }

  /**
   * A code the council issues in the owner's name, recorded with who, when and why; the council's
   * earlier code for the owner stops working, the owner's mailed code does not.
   */
  public CouncilCode issueByCouncil(String topicNumber, int round, String ownerId, String issuedBy, String reason,
      boolean ownerNotified) {
    String code = newCode();
    String hash = hash(topicNumber, round, ownerId, code);
    Date now = TopicTime.now();
    long id = records.addCouncilCode(topicNumber, round, ownerId, hash, issuedBy, now, reason, ownerNotified);
    return new CouncilCode(code, new CouncilCodeRow(id, round, ownerId, hash, issuedBy, now, reason, ownerNotified));
  }

  /** Checks an owner's code against their mailed code and the council's latest one; a wrong code changes nothing. */
  public Proof check(String topicNumber, int round, String ownerId, String code) {
    Optional<VoterRow> mailed = records.voter(topicNumber, round, ownerId);
    Optional<CouncilCodeRow> council = records.latestCouncilCode(topicNumber, round, ownerId);
    if (mailed.isEmpty() && council.isEmpty()) {
      return new Proof(Check.NONE_ISSUED, null);
    }
    String given = hash(topicNumber, round, ownerId, code == null ? "" : code);
    if (mailed.isPresent() && sameHash(given, mailed.get().codeHash())) {
      return new Proof(Check.OWN_CODE, null);
    }
    if (council.isPresent() && sameHash(given, council.get().codeHash())) {
      return new Proof(Check.COUNCIL_CODE, council.get().id());
    }
    return new Proof(Check.WRONG, null);
  }

  private static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  private static String newCode() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
  }

  /** Case, spaces and dashes do not matter: {@code k7qm 3xpa} is {@code K7QM-3XPA}. */
  static String normalise(String code) {
    return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  static String hash(String topicNumber, int round, String ownerId, String code) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String text = topicNumber + "\n" + round + "\n" + ownerId + "\n" + normalise(code);
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.gridloop.deliberation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.gridloop.deliberation.TopicRecords.VoterRow;
import org.springframework.stereotype.Component;

/**
 * How a voter proves who they are: the owner id plus a personal vote code.
 *
 * <ul>
 *   <li>When a vote round opens, every owner of the electorate gets a fresh random code of eight
 *       characters ({@value #ALPHABET}, about 39 bits) by e-mail to the address of the owners
 *       register. An owner without an address, or who lost the mail, gets one from the council
 *       secretary ({@code POST /api/topics/{id}/vote-codes}), which replaces the earlier code.
 *   <li>Only a SHA-256 hash of (topic, round, owner, code) is stored; the code itself is never kept.
 *   <li>A ballot needs the owner id and that owner's code of the current round: a wrong code is
 *       refused (403) and counted; after {@value #MAX_FAILED_ATTEMPTS} wrong codes the owner's code
 *       is locked for 15 minutes after the last wrong try (or until the council issues a new one).
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
  static final int MAX_FAILED_ATTEMPTS = 5;
  /** How long wrong tries lock a code: long enough against guessing, short enough that a stranger cannot block a vote. */
  static final java.time.Duration LOCK = java.time.Duration.ofMinutes(15);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The result of checking a code. */
  public enum Check { ACCEPTED, WRONG, LOCKED, NONE_ISSUED }

  private final TopicRecords records;

  public VoteCodes(TopicRecords records) {
    this.records = records;
  }

  /** Gives the owner a new code for the round (replacing any earlier one) and returns it, e.g. {@code K7QM-3XPA}. */
  public String issue(String topicNumber, int round, String ownerId) {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    records.saveVoterCode(topicNumber, round, ownerId, hash(topicNumber, round, ownerId, code.toString()),
        TopicTime.now());
    return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
  }

  /** Checks an owner's code; a wrong one is counted (call inside the ballot's transaction). */
  public Check check(String topicNumber, int round, String ownerId, String code) {
    Optional<VoterRow> voter = records.voter(topicNumber, round, ownerId);
    if (voter.isEmpty()) {
      return Check.NONE_ISSUED;
    }
    if (voter.get().failedAttempts() >= MAX_FAILED_ATTEMPTS && voter.get().lastFailedAt() != null
        && voter.get().lastFailedAt().getTime() + LOCK.toMillis() > TopicTime.now().getTime()) {
      return Check.LOCKED;
    }
    byte[] given = hash(topicNumber, round, ownerId, code == null ? "" : code).getBytes(StandardCharsets.US_ASCII);
    if (MessageDigest.isEqual(given, voter.get().codeHash().getBytes(StandardCharsets.US_ASCII))) {
      return Check.ACCEPTED;
    }
    records.countFailedAttempt(topicNumber, round, ownerId);
    return Check.WRONG;
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

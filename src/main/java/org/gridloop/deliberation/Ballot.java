package org.gridloop.deliberation;

import java.util.Locale;
import java.util.Objects;

/**
 * One voter's ballot.
 *
 * <p>For an owners' decision {@code ownerId} is the owner's id in the {@link OwnersRegister}:
 * an owner votes once for all of their units in the scope. For a residents' decision
 * (basis {@code residents}) it is the id of the participating resident.
 */
public record Ballot(String ownerId, Choice choice) {

  /** 同意 / 反对 / 弃权. */
  public enum Choice {
    YES, NO, ABSTAIN;

    /** Parses {@code yes}, {@code no} or {@code abstain}, in any case. */
    public static Choice parse(String value) {
      if (value == null) {
        throw new IllegalArgumentException("choice is required: yes, no or abstain");
      }
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "yes" -> YES;
        case "no" -> NO;
        case "abstain" -> ABSTAIN;
        default -> throw new IllegalArgumentException(
            "unknown choice '" + value + "': expected yes, no or abstain");
      };
    }
  }

  public Ballot {
    if (ownerId == null || ownerId.isBlank()) {
      throw new IllegalArgumentException("a ballot needs the voter's id");
    }
    Objects.requireNonNull(choice, "a ballot needs a choice");
  }

  public static Ballot of(String ownerId, String choice) {
    return new Ballot(ownerId, Choice.parse(choice));
  }
}

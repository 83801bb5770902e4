package org.gridloop.deliberation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A topic proposed for deliberation (提): the body of {@code POST /api/topics}. */
public record TopicProposal(
    @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String title,
    @NotBlank(message = "is required") @Size(max = 4000, message = "must be at most 4000 characters")
    String description,
    @NotBlank(message = "is required: compound, community or street")
    @Pattern(regexp = "compound|community|street", message = "must be compound, community or street") String level,
    @NotBlank(message = "is required: the id of the compound, community or street of the level") String scopeId,
    @NotBlank(message = "is required: a matter type from GET /api/matter-types") String matterType,
    @NotNull(message = "is required: the estimated cost in yuan (0 if none)")
    @DecimalMin(value = "0.00", message = "must not be negative")
    @Digits(integer = 12, fraction = 2, message = "must be an amount in yuan with at most two decimals")
    BigDecimal estimatedCost,
    @NotNull(message = "is required: {name, email}") @Valid Proposer proposer) {

  /** Who proposes; the public record shows them masked. The e-mail address receives the review result. */
  public record Proposer(
      @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,
      @NotBlank(message = "is required: the review result is mailed there")
      @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "is not a valid e-mail address")
      @Size(max = 254, message = "must be at most 254 characters") String email) {
  }
}

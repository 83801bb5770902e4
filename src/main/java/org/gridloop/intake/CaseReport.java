package org.gridloop.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A problem reported to GridLoop: the body of {@code POST /api/cases}. */
public record CaseReport(
    @NotBlank(message = "is required: a category code from GET /api/categories") String category,
    @NotBlank(message = "is required: emergency, urgent or normal")
    @Pattern(regexp = "emergency|urgent|normal", message = "must be emergency, urgent or normal") String urgency,
    @NotBlank(message = "is required: the id of the grid where the problem is") String gridId,
    @NotBlank(message = "is required") @Size(max = 4000, message = "must be at most 4000 characters") String description,
    @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters") String address,
    @DecimalMin(value = "-90", message = "must be between -90 and 90")
    @DecimalMax(value = "90", message = "must be between -90 and 90") Double latitude,
    @DecimalMin(value = "-180", message = "must be between -180 and 180")
    @DecimalMax(value = "180", message = "must be between -180 and 180") Double longitude,
    @NotNull(message = "is required: {name, phone, email}") @Valid Reporter reporter,
    @NotBlank(message = "is required: " + CaseReport.CHANNELS)
    @Pattern(regexp = CaseReport.CHANNEL_PATTERN, message = "must be one of " + CaseReport.CHANNELS) String channel,
    @Size(max = 100, message = "must be at most 100 characters") String requestId) {

  static final String CHANNEL_PATTERN = "gridWorker|web|app|hotline|open311|email";
  static final String CHANNELS = "gridWorker, web, app, hotline, open311, email";

  /** The person who reported it; shown to the public only masked. */
  public record Reporter(
      @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,
      @NotBlank(message = "is required")
      @Pattern(regexp = "(\\+?86[- ]?)?(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})",
          message = "is not a mainland mobile (13800138000) or landline (028-12345678) number") String phone,
      @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "is not a valid e-mail address")
      @Size(max = 254, message = "must be at most 254 characters") String email) {}
}

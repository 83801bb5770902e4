package org.gridloop.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.gridloop.casework.CaseLinks;
import org.gridloop.casework.CaseRecords;
import org.gridloop.casework.CaseRecords.CaseRow;
import org.gridloop.casework.CategoryCatalogue;
import org.gridloop.casework.CategoryCatalogue.Category;
import org.gridloop.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The residents' and staff's case API: report a problem, follow it, rate the result, and the
 * categories to choose from. Residents need no login; the staff-only channels (grid worker,
 * hotline) need one.
 */
@RestController
@RequestMapping("/api")
class CaseController {

  private static final List<String> STAFF_CHANNELS = List.of("gridWorker", "hotline");

  private final CaseIntake intake;
  private final CaseRecords records;
  private final CaseStatusView statusView;
  private final CategoryCatalogue categories;
  private final CaseLinks links;
  private final CurrentUser currentUser;
  private final RuntimeService runtime;

  CaseController(CaseIntake intake, CaseRecords records, CaseStatusView statusView, CategoryCatalogue categories,
      CaseLinks links, CurrentUser currentUser, RuntimeService runtime) {
    this.intake = intake;
    this.records = records;
    this.statusView = statusView;
    this.categories = categories;
    this.links = links;
    this.currentUser = currentUser;
    this.runtime = runtime;
  }

  @PostMapping("/cases")
  ResponseEntity<Map<String, Object>> report(@Valid @RequestBody CaseReport report, HttpServletRequest request) {
    boolean staffChannel = STAFF_CHANNELS.contains(report.channel());
    if (staffChannel) {
      currentUser.require(request);
    }
    CaseIntake.Accepted accepted = intake.report(report);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("caseNumber", accepted.caseNumber());
    body.put("status", accepted.status());
    // The token is the resident's: staff who enter a report for them get the public link, the
    // resident gets theirs in the acceptance mail.
    body.put("statusUrl", staffChannel ? links.status(accepted.caseNumber())
        : links.status(accepted.caseNumber(), accepted.token()));
    if (!accepted.created()) {
      return ResponseEntity.ok(body);
    }
    return ResponseEntity.created(URI.create("/api/cases/" + accepted.caseNumber())).body(body);
  }

  /**
   * Anyone with the number sees the progress (steps, units, deadlines, outcome); the reporter's
   * token (in their status link) also opens where and what, with their own data masked. Without
   * it, case numbers counted one by one would publish where people in need of care live.
   */
  @GetMapping("/cases/{caseNumber}")
  Map<String, Object> status(@PathVariable String caseNumber, @RequestParam(required = false) String token) {
    CaseRow row = find(caseNumber);
    return statusView.of(row, token != null && tokenMatches(row, token));
  }

  /** The rating link of the resolution mail carries the token as {@code ?token=}; the body may too. */
  record Rating(
      String token,
      @NotBlank(message = "is required: satisfied, basicallySatisfied or unsatisfied")
      @Pattern(regexp = "satisfied|basicallySatisfied|unsatisfied",
          message = "must be satisfied, basicallySatisfied or unsatisfied") String rating,
      @Size(max = 1000, message = "must be at most 1000 characters") String comment) {}

  @PostMapping("/cases/{caseNumber}/rating")
  Map<String, Object> rate(@PathVariable String caseNumber, @RequestParam(required = false) String token,
      @Valid @RequestBody Rating rating) {
    CaseRow row = find(caseNumber);
    String given = token != null ? token : rating.token();
    if (given == null || !tokenMatches(row, given)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The rating token does not match this case");
    }
    try {
      runtime.createMessageCorrelation("case-rated")
          .processInstanceBusinessKey(caseNumber)
          .setVariable("rating", rating.rating())
          .setVariable("ratingComment", rating.comment())
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ResponseStatusException(HttpStatus.CONFLICT,
          "Case " + caseNumber + " is not waiting for a rating (status: " + row.status() + ")");
    }
    return statusView.of(find(caseNumber), true);
  }

  private static boolean tokenMatches(CaseRow row, String token) {
    return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), row.ratingToken().getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping("/categories")
  List<Category> categories() {
    return categories.all();
  }

  private CaseRow find(String caseNumber) {
    return records.find(caseNumber).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseNumber));
  }
}

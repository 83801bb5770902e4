package org.gridloop.intake;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.gridloop.casework.CaseRecords;
import org.gridloop.casework.CaseRecords.CaseRow;
import org.gridloop.casework.CaseStatus;
import org.gridloop.casework.CategoryCatalogue;
import org.gridloop.org.Organisation;
import org.gridloop.org.Organisation.GridLocation;
import org.gridloop.system.ApiErrors.FieldProblem;
import org.gridloop.system.ApiErrors.InvalidInput;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts a reported problem: checks it against the directory and the categories, gives it a case
 * number and starts its grid-call process, all in one transaction, so an accepted case is never
 * half-stored. The same {@code requestId} twice gives the same case.
 */
@Service
public class CaseIntake {

  public static final String PROCESS = "grid-call";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ZoneId CITY_TIME = ZoneId.of("Asia/Shanghai");

  /** The accepted case; {@code token} opens the reporter's own view and rating. */
  public record Accepted(String caseNumber, String status, boolean created, String token) {}

  private final CaseRecords records;
  private final CategoryCatalogue categories;
  private final Organisation organisation;
  private final RuntimeService runtime;
  private final TransactionTemplate transaction;

  public CaseIntake(CaseRecords records, CategoryCatalogue categories, Organisation organisation,
      RuntimeService runtime, TransactionTemplate transaction) {
    this.records = records;
    this.categories = categories;
    this.organisation = organisation;
    this.runtime = runtime;
    this.transaction = transaction;
  }

  public Accepted report(CaseReport report) {
    GridLocation location = check(report);
    if (report.requestId() != null) {
      Optional<String> earlier = records.findByRequestId(report.requestId());
      if (earlier.isPresent()) {
        return existing(earlier.get());
      }
    }
    try {
      return transaction.execute(status -> start(report, location));
    } catch (DuplicateKeyException e) {
      // The same requestId arrived twice at once: the other request stored it.
      return existing(records.findByRequestId(report.requestId()).orElseThrow(() -> e));
    }
  }

  private Accepted existing(String caseNumber) {
    CaseRow row = records.find(caseNumber).orElseThrow();
    return new Accepted(caseNumber, row.status(), false, row.ratingToken());
  }

  private GridLocation check(CaseReport report) {
    List<FieldProblem> problems = new ArrayList<>();
    if (categories.find(report.category()).isEmpty()) {
      problems.add(new FieldProblem("category", "unknown category '" + report.category() + "': see GET /api/categories"));
    }
    Optional<GridLocation> location = organisation.locateGrid(report.gridId());
    if (location.isEmpty()) {
      problems.add(new FieldProblem("gridId", "unknown grid '" + report.gridId() + "'"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    return location.get();
  }

  private Accepted start(CaseReport report, GridLocation location) {
    var now = ClockUtil.getCurrentTime();
    String caseNumber = records.nextCaseNumber(now.toInstant().atZone(CITY_TIME).getYear());
    String token = HexFormat.of().formatHex(randomBytes());
    CaseReport.Reporter reporter = report.reporter();
    String email = reporter.email() == null || reporter.email().isBlank() ? null : reporter.email().trim();
    records.insert(new CaseRow(caseNumber, null, report.category(), report.urgency(), report.gridId(),
        location.community().id(), location.street().id(), report.channel(), report.description().trim(),
        report.address().trim(), reporter.name().trim(), reporter.phone().trim(), email, token,
        CaseStatus.REPORTED, null, false, 0, null, null, null, now, null, null),
        report.requestId(), report.latitude(), report.longitude());
    // The reporter's contact data and the rating token stay in gl_case: process variables are
    // readable by every group that works on the case, and the token must stay the resident's.
    VariableMap variables = Variables.createVariables()
        .putValue("caseNumber", caseNumber)
        .putValue("category", report.category())
        .putValue("urgency", report.urgency())
        .putValue("gridId", report.gridId())
        .putValue("communityId", location.community().id())
        .putValue("streetId", location.street().id())
        .putValue("description", report.description().trim())
        .putValue("address", report.address().trim())
        .putValue("channel", report.channel())
        .putValue("reopenCount", 0);
    ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS)
        .businessKey(caseNumber).setVariables(variables).execute();
    records.setProcessInstance(caseNumber, instance.getId());
    return new Accepted(caseNumber, records.find(caseNumber).map(CaseRow::status).orElse(CaseStatus.REPORTED), true,
        token);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}

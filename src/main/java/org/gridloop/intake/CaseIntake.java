package org.gridloop.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import org.gridloop.casework.CaseRecords.KeyedCase;
import org.gridloop.casework.CaseRecords.RequestKey;
import org.gridloop.casework.CaseStatus;
import org.gridloop.casework.CategoryCatalogue;
import org.gridloop.org.Organisation;
import org.gridloop.org.Organisation.GridLocation;
import org.gridloop.system.ApiErrors.ConflictingInput;
import org.gridloop.system.ApiErrors.FieldProblem;
import org.gridloop.system.ApiErrors.InvalidInput;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts a reported problem: checks it against the directory and the categories, gives it a case
 * number and starts its grid-call process, all in one transaction, so an accepted case is never
 * half-stored. A {@code requestId} is the client's key for one report on its channel: the same
 * report again with it gives the same case, another report with it is refused.
 */
@Service
public class CaseIntake {

  public static final String PROCESS = "grid-call";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ZoneId CITY_TIME = ZoneId.of("Asia/Shanghai");
  private static final int CONCURRENT_TRIES = 7;
  private static final ObjectMapper CANONICAL_JSON = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  /** The accepted case; {@code token} opens the reporter's own view and rating (the resident's only). */
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

  /**
   * Accepts the report, or answers as before for a retry: the same {@code requestId} on the same
   * channel with the same report (as parsed: key order and whitespace do not matter) gives the
   * same case; with another report it is refused (409 naming {@code requestId}), because a key
   * alone must never open someone else's case.
   */
  public Accepted report(CaseReport report) {
    GridLocation location = check(report);
    RequestKey key = report.requestId() == null || report.requestId().isBlank() ? null
        : new RequestKey(report.requestId(), fingerprint(report));
    for (int attempt = 1; ; attempt++) {
      if (key != null) {
        Optional<KeyedCase> earlier = records.findByRequestId(report.channel(), key.requestId());
        if (earlier.isPresent()) {
          return existing(earlier.get(), key);
        }
      }
      if (attempt > 1) {
        waitForTheOtherRequest(attempt);
      }
      try {
        return transaction.execute(status -> start(report, location, key));
      } catch (DuplicateKeyException | TransientDataAccessException e) {
        // The same key arrived twice at once and the other request holds it: PostgreSQL says
        // "duplicate key" once the other commits, H2 says "concurrent update" at once while it
        // runs. This one rolled back, so look again. Bounded: about 6 s in all.
        if (key == null || attempt == CONCURRENT_TRIES) {
          throw e;
        }
      }
    }
  }

  private static void waitForTheOtherRequest(int attempt) {
    try {
      Thread.sleep(100L << (attempt - 2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while another request with the same requestId ran", e);
    }
  }

  private Accepted existing(KeyedCase earlier, RequestKey key) {
    if (earlier.reportHash() == null || !MessageDigest.isEqual(earlier.reportHash().getBytes(StandardCharsets.US_ASCII),
        key.reportHash().getBytes(StandardCharsets.US_ASCII))) {
      throw new ConflictingInput("requestId", "was already used on this channel for another report: "
          + "give every new report a new requestId (the same one again only to retry the same report)");
    }
    CaseRow row = records.find(earlier.caseNumber()).orElseThrow();
    return new Accepted(earlier.caseNumber(), row.status(), false, row.ratingToken());
  }

  /** SHA-256 of the report as parsed, serialised with sorted keys: the same report whatever its JSON layout. */
  static String fingerprint(CaseReport report) {
    try {
      byte[] canonical = CANONICAL_JSON.writeValueAsBytes(report);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint a report", e);
    }
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

  private Accepted start(CaseReport report, GridLocation location, RequestKey key) {
    var now = ClockUtil.getCurrentTime();
    String caseNumber = records.nextCaseNumber(now.toInstant().atZone(CITY_TIME).getYear());
    String token = HexFormat.of().formatHex(randomBytes());
    CaseReport.Reporter reporter = report.reporter();
    String email = reporter.email() == null || reporter.email().isBlank() ? null : reporter.email().trim();
    records.insert(new CaseRow(caseNumber, null, report.category(), report.urgency(), report.gridId(),
        location.community().id(), location.street().id(), report.channel(), report.description().trim(),
        report.address().trim(), reporter.name().trim(), reporter.phone().trim(), email, token,
        CaseStatus.REPORTED, null, false, 0, null, null, null, now, null, null),
        key, report.latitude(), report.longitude());
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

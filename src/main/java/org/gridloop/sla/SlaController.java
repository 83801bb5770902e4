package org.gridloop.sla;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridloop.org.GroupIds;
import org.gridloop.org.Organisation;
import org.gridloop.security.CurrentUser;
import org.gridloop.sla.SlaQueries.OpenCount;
import org.gridloop.sla.SlaQueries.State;
import org.gridloop.sla.SlaQueries.StepFilter;
import org.gridloop.sla.SlaQueries.StepRow;
import org.gridloop.system.ApiErrors.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The supervisors' SLA figures, as JSON for the Cockpit SLA dashboard (督办时限看板): open cases per
 * level, street and department; what is overdue now; what falls due within 24 hours; the
 * escalations of the last days; this month's on-time rate per level. Supervisors and
 * administrators only (403 for other staff, 401 without login). Every row that stands for cases
 * carries a {@code casesUrl} (the drill-down listing those cases) and every case row its
 * {@code processInstanceId} with the Cockpit links to it. Times are the engine clock's, in UTC.
 */
@RestController
@RequestMapping("/api/sla")
class SlaController {

  static final ZoneId CITY_TIME = ZoneId.of("Asia/Shanghai");
  static final Duration DUE_SOON = Duration.ofHours(24);
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;

  /** A case's step in a list, with what the dashboard needs to link to it in Cockpit. */
  record CaseStep(String caseNumber, String processInstanceId, String cockpitPath, String cockpitUrl,
      String category, String caseStatus, boolean escalated, String step, String stepName, String level,
      String levelLabel, String unitGroup, String unitName, String department, String streetId,
      Instant startedAt, Instant dueAt, Instant endedAt, Long overdueMinutes, Long dueInMinutes) {}

  record Escalation(String caseNumber, String processInstanceId, String cockpitPath, String cockpitUrl,
      String kind, String kindLabel, String step, String unitGroup, String unitName, Instant at, String reason,
      String caseStatus, boolean caseOpen) {}

  record Group(String key, String name, long openCases, long overdueCases, long dueWithin24hCases,
      Long awaitingReportIn, String casesUrl, String overdueCasesUrl) {}

  record OnTime(String level, String label, long ended, long onTime, long late, Double rate, String lateCasesUrl) {}

  private final CurrentUser currentUser;
  private final SlaQueries queries;
  private final SlaNames names;
  private final String cockpitBase;
  /** At most three queries of /open at once per node, whatever the number of dashboards open. */
  private final Executor executor = Executors.newFixedThreadPool(3, runnable -> {
    Thread thread = new Thread(runnable, "gridloop-sla-query");
    thread.setDaemon(true);
    return thread;
  });

  SlaController(CurrentUser currentUser, SlaQueries queries, SlaNames names,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
      @Value("${camunda.bpm.process-engine-name:default}") String engineName) {
    this.currentUser = currentUser;
    this.queries = queries;
    this.names = names;
    this.cockpitBase = webappPath + "/app/cockpit/" + engineName + "/";
  }

  /** Open cases per level, street and department, with overdue and due-within-24-h counts. */
  @GetMapping("/open")
  Map<String, Object> open(HttpServletRequest request) {
    requireSupervisor(request);
    Instant now = now();
    Instant soon = now.plus(DUE_SOON);
    Organisation organisation = names.organisation();

    // The three aggregations each scan the open steps: run side by side (one connection each).
    CompletableFuture<List<OpenCount>> levelCounts = supplyAsync(() -> queries.openByLevel(now, soon));
    CompletableFuture<List<OpenCount>> streetCounts = supplyAsync(() -> queries.openByStreet(now, soon));
    CompletableFuture<List<OpenCount>> departmentCounts = supplyAsync(() -> queries.openByDepartment(now, soon));
    long awaitingRating = queries.awaitingRating();

    Map<String, OpenCount> byLevel = index(join(levelCounts));
    List<Group> levels = new ArrayList<>();
    for (String level : SlaNames.LEVELS) {
      levels.add(group(level, names.level(level), byLevel.remove(level), "level", null));
    }
    byLevel.values().forEach(c -> levels.add(group(c.key(), names.level(c.key()), c, "level", null)));

    Map<String, OpenCount> byStreet = index(join(streetCounts));
    long open = 0;
    long overdue = 0;
    long dueSoon = 0;
    for (OpenCount count : byStreet.values()) {
      open += count.openCases();
      overdue += count.overdueCases();
      dueSoon += count.dueSoonCases();
    }
    List<Group> streets = new ArrayList<>();
    for (Organisation.Street street : organisation.streets()) {
      streets.add(group(street.id(), street.name() + " " + street.nameEn(), byStreet.remove(street.id()),
          "streetId", null));
    }
    byStreet.values().forEach(c -> streets.add(group(c.key(), c.key(), c, "streetId", null)));

    Map<String, OpenCount> byDepartment = index(join(departmentCounts));
    List<Group> departments = new ArrayList<>();
    for (Organisation.Department department : organisation.departments()) {
      OpenCount count = byDepartment.remove(department.code());
      departments.add(group(department.code(), department.name() + " " + department.nameEn(), count,
          "department", count == null ? 0L : count.awaitingReportIn()));
    }
    byDepartment.values().forEach(c -> departments.add(group(c.key(), c.key(), c, "department", c.awaitingReportIn())));

    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("openCases", open);
    totals.put("overdueCases", overdue);
    totals.put("dueWithin24hCases", dueSoon);
    totals.put("awaitingRating", awaitingRating);

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("asOf", now);
    body.put("totals", totals);
    body.put("byLevel", levels);
    body.put("byStreet", streets);
    body.put("byDepartment", departments);
    return body;
  }

  /** Open steps past their deadline, the longest overdue first. */
  @GetMapping("/overdue")
  Map<String, Object> overdue(HttpServletRequest request, @RequestParam(required = false) Integer limit) {
    requireSupervisor(request);
    return stepList(State.overdue, new StepFilter(null, null, null), limit);
  }

  /** Open steps due within the next 24 hours, the soonest first. */
  @GetMapping("/due-soon")
  Map<String, Object> dueSoon(HttpServletRequest request, @RequestParam(required = false) Integer limit) {
    requireSupervisor(request);
    return stepList(State.dueSoon, new StepFilter(null, null, null), limit);
  }

  /**
   * The drill-down behind every count: open steps ({@code state=open}), overdue ones, those due
   * within 24 h, or the steps that missed their deadline this month ({@code lateThisMonth}),
   * optionally of one level, street or department.
   */
  @GetMapping("/cases")
  Map<String, Object> cases(HttpServletRequest request,
      @RequestParam(defaultValue = "open") String state,
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String streetId,
      @RequestParam(required = false) String department,
      @RequestParam(required = false) Integer limit) {
    requireSupervisor(request);
    State parsed = switch (state) {
      case "open" -> State.open;
      case "overdue" -> State.overdue;
      case "dueSoon" -> State.dueSoon;
      case "lateThisMonth" -> State.lateThisPeriod;
      default -> throw new InvalidInput("state", "one of open, overdue, dueSoon, lateThisMonth");
    };
    if (level != null && !SlaNames.LEVELS.contains(level)) {
      throw new InvalidInput("level", "one of " + String.join(", ", SlaNames.LEVELS));
    }
    Map<String, Object> body = stepList(parsed, new StepFilter(blankToNull(level), blankToNull(streetId),
        blankToNull(department)), limit);
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("state", state);
    filter.put("level", level);
    filter.put("streetId", streetId);
    filter.put("department", department);
    body.put("filter", filter);
    return body;
  }

  /** Escalations (deadlines that passed) of the last {@code days} days, the latest first. */
  @GetMapping("/escalations")
  Map<String, Object> escalations(HttpServletRequest request,
      @RequestParam(defaultValue = "7") int days, @RequestParam(required = false) Integer limit) {
    requireSupervisor(request);
    if (days < 1 || days > 92) {
      throw new InvalidInput("days", "between 1 and 92");
    }
    int max = limit(limit);
    Instant now = now();
    Instant since = now.minus(Duration.ofDays(days));
    Map<String, Long> byKind = new LinkedHashMap<>();
    long total = 0;
    for (Object[] row : queries.escalationsByKind(since, now)) {
      byKind.put((String) row[0], (Long) row[1]);
      total += (Long) row[1];
    }
    List<Escalation> rows = queries.escalations(since, now, max).stream().map(e -> new Escalation(
        e.caseNumber(), e.processInstanceId(), cockpitPath(e.processInstanceId()), cockpitUrl(e.processInstanceId()),
        e.kind(), names.kind(e.kind()), e.step(), e.unitGroup(), names.unit(e.unitGroup()), e.at(), e.reason(),
        e.caseStatus(), isOpen(e.caseStatus()))).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("asOf", now);
    body.put("since", since);
    body.put("days", days);
    body.put("total", total);
    body.put("byKind", byKind);
    body.put("limit", max);
    body.put("rows", rows);
    return body;
  }

  /** This month's on-time rate per level: steps with a deadline that ended this month (city time). */
  @GetMapping("/on-time")
  Map<String, Object> onTime(HttpServletRequest request) {
    requireSupervisor(request);
    Instant now = now();
    YearMonth month = YearMonth.from(now.atZone(CITY_TIME));
    Instant from = month.atDay(1).atStartOfDay(CITY_TIME).toInstant();
    Map<String, SlaQueries.OnTimeCount> counts = new LinkedHashMap<>();
    queries.onTimeByLevel(from, now).forEach(c -> counts.put(c.level(), c));
    List<OnTime> levels = new ArrayList<>();
    long ended = 0;
    long onTime = 0;
    List<String> keys = new ArrayList<>(SlaNames.LEVELS);
    counts.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
    for (String level : keys) {
      SlaQueries.OnTimeCount count = counts.get(level);
      long e = count == null ? 0 : count.ended();
      long o = count == null ? 0 : count.onTime();
      ended += e;
      onTime += o;
      levels.add(new OnTime(level, names.level(level), e, o, e - o, rate(o, e),
          casesUrl("lateThisMonth", "level", level)));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("asOf", now);
    body.put("month", month.toString());
    body.put("from", from);
    body.put("byLevel", levels);
    body.put("total", new OnTime("all", "合计 All levels", ended, onTime, ended - onTime, rate(onTime, ended),
        casesUrl("lateThisMonth", null, null)));
    return body;
  }

  private Map<String, Object> stepList(State state, StepFilter filter, Integer limit) {
    int max = limit(limit);
    Instant now = now();
    Instant soon = now.plus(DUE_SOON);
    Instant monthStart = YearMonth.from(now.atZone(CITY_TIME)).atDay(1).atStartOfDay(CITY_TIME).toInstant();
    List<CaseStep> rows = queries.steps(state, filter, now, soon, monthStart, max).stream()
        .map(row -> caseStep(row, now)).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("asOf", now);
    body.put("total", queries.countSteps(state, filter, now, soon, monthStart));
    body.put("limit", max);
    body.put("rows", rows);
    return body;
  }

  private CaseStep caseStep(StepRow row, Instant now) {
    Long overdueMinutes = null;
    Long dueInMinutes = null;
    if (row.dueAt() != null && row.endedAt() == null) {
      long minutes = Duration.between(now, row.dueAt()).toMinutes();
      if (row.dueAt().isBefore(now)) {
        overdueMinutes = Duration.between(row.dueAt(), now).toMinutes();
      } else {
        dueInMinutes = minutes;
      }
    }
    return new CaseStep(row.caseNumber(), row.processInstanceId(), cockpitPath(row.processInstanceId()),
        cockpitUrl(row.processInstanceId()), row.category(), row.caseStatus(), row.escalated(), row.step(),
        row.stepName(), row.level(), names.level(row.level()), row.unitGroup(), names.unit(row.unitGroup()),
        row.department(), row.streetId(), row.startedAt(), row.dueAt(), row.endedAt(), overdueMinutes, dueInMinutes);
  }

  private Group group(String key, String name, OpenCount count, String param, Long awaitingReportIn) {
    return new Group(key, name, count == null ? 0 : count.openCases(), count == null ? 0 : count.overdueCases(),
        count == null ? 0 : count.dueSoonCases(), awaitingReportIn,
        casesUrl("open", param, key), casesUrl("overdue", param, key));
  }

  static String casesUrl(String state, String param, String value) {
    UriComponentsBuilder url = UriComponentsBuilder.fromPath("/api/sla/cases").queryParam("state", state);
    if (param != null && value != null) {
      url.queryParam(param, value);
    }
    return url.encode().build().toUriString();
  }

  /** Inside Cockpit: the hash route of the process instance. */
  static String cockpitPath(String processInstanceId) {
    return processInstanceId == null ? null : "#/process-instance/" + processInstanceId;
  }

  private String cockpitUrl(String processInstanceId) {
    return processInstanceId == null ? null : cockpitBase + cockpitPath(processInstanceId);
  }

  private <T> CompletableFuture<T> supplyAsync(Supplier<T> query) {
    return CompletableFuture.supplyAsync(query, executor);
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private void requireSupervisor(HttpServletRequest request) {
    currentUser.requireGroup(request, GroupIds.SUPERVISORS);
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static int limit(Integer limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInput("limit", "between 1 and " + MAX_LIMIT);
    }
    return limit;
  }

  private static Double rate(long onTime, long ended) {
    return ended == 0 ? null : Math.round(onTime * 10000.0 / ended) / 10000.0;
  }

  private static boolean isOpen(String caseStatus) {
    return caseStatus != null && !"closed".equals(caseStatus) && !"rejected".equals(caseStatus);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static Map<String, OpenCount> index(List<OpenCount> counts) {
    Map<String, OpenCount> map = new LinkedHashMap<>();
    counts.forEach(c -> map.put(c.key() == null ? "" : c.key(), c));
    return map;
  }
}

package org.gridloop.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.RawHttp;
import org.gridloop.support.StandaloneApp;
import org.gridloop.support.TestLogins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finding 5: the rate limit on anonymous writes was skipped for any request with an
 * {@code Authorization} header. The suite's own application runs with limits of a million, so these
 * scenarios start one more GridLoop with a resident's limits (5 writes and 3 refusals a minute, 2
 * wrong passwords per login) behind a trusted proxy (127.0.0.9 and 127.0.9.0/24), and call it over
 * real HTTP from clients of their own (loopback addresses: 127.0.0.0/8 is all loopback).
 */
@GridLoopIntegrationTest
class RateLimitAttacks extends AttackScenario {

  static final int WRITES = 5;
  static final String PROXY = "127.0.0.9";

  static ConfigurableApplicationContext app;
  static int port;
  static JdbcTemplate jdbc;
  static IdentityService appIdentity;

  @BeforeAll
  static void startAGridLoopWithAResidentsLimits() {
    port = StandaloneApp.freePort();
    app = StandaloneApp.startWeb("rateLimitAttacks", StandaloneApp.freshDataDir("rate-limit-attacks"), port,
        "--gridloop.rate-limit.public-writes-per-minute=" + WRITES,
        "--gridloop.rate-limit.refusals-per-minute=3",
        "--gridloop.rate-limit.wrong-passwords-per-login=2",
        "--gridloop.rate-limit.trusted-proxies=" + PROXY + ", 127.0.9.0/24");
    jdbc = app.getBean(JdbcTemplate.class);
    appIdentity = app.getBean(IdentityService.class);
  }

  @AfterAll
  static void stopIt() {
    if (app != null) {
      app.close();
    }
  }

  @AfterEach
  void engineClockBackToNow() {
    ClockUtil.reset();
  }

  @Test
  void fortyReportsWithABearerHeaderGetFiveThrough() {
    RawHttp stranger = new RawHttp("127.0.1.1", port);
    String marker = marker();
    List<RawHttp.Response> answers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      answers.add(stranger.postJson("/api/cases", report(marker + i), "Authorization: Bearer x"));
    }

    assertThat(answers).extracting(RawHttp.Response::status)
        .containsExactlyElementsOf(statuses(WRITES, 201, 35, 429));
    RawHttp.Response refused = answers.get(WRITES);
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
    assertThat(refused.header("Content-Type")).startsWith("application/json");
    assertThat(json(refused.body()).get("status").asInt()).isEqualTo(429);
    assertThat(json(refused.body()).get("error").asText()).isEqualTo("Too Many Requests");
    assertThat(json(refused.body()).get("message").asText()).contains("Too many reports");
    assertThat(casesWith(marker)).as("every report answered 201 is there, no other").isEqualTo(WRITES);
  }

  @Test
  void aBogusOrWrongBasicHeaderIsAnonymousAndAWrongPasswordAlsoCountsAsARefusal() {
    RawHttp stranger = new RawHttp("127.0.1.2", port);
    String marker = marker();
    String[] headers = {"Authorization: Basic !!!", "Authorization: Basic " + base64("no-colon"),
        "Authorization: Bearer y", "Authorization: " + basic("zhuhong", "wrong"), "Authorization: " + basic("zhuhong", "wrong-2")};
    for (int i = 0; i < headers.length; i++) {
      assertThat(stranger.postJson("/api/cases", report(marker + i), headers[i]).status()).as(headers[i]).isEqualTo(201);
    }
    assertThat(stranger.postJson("/api/cases", report(marker + "x")).status()).isEqualTo(429);
    assertThat(casesWith(marker)).isEqualTo(WRITES);

    // Two wrong passwords so far; a third refused login from here ends credentials for the minute.
    assertThat(stranger.get("/api/sla/open", "Authorization: " + basic("ghost", "wrong")).status()).isEqualTo(401);
    String password = TestLogins.passwordFor(appIdentity, "tangjie");
    assertThat(stranger.get("/api/sla/open", "Authorization: " + basic("tangjie", password)).status())
        .as("even the right password, from this address").isEqualTo(429);
    assertThat(new RawHttp("127.0.1.3", port).get("/api/sla/open", "Authorization: " + basic("tangjie", password)).status())
        .as("tangjie from elsewhere").isEqualTo(200);
    appIdentity.unlockUser("zhuhong");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "1 | /api/cases;x",
      "2 | /api/%63ases",
      "3 | //api//cases",
      "4 | /api/cases/",
      "5 | /api;jsessionid=1/cases;x/",
      "6 | /api/./cases",
      "7 | /api/x/../cases"})
  void aPathVariantOfTheRouteCountsAsTheRoute(int client, String variant) {
    RawHttp stranger = new RawHttp("127.0.2." + client, port);
    String marker = marker();
    int accepted = 0;
    for (int i = 0; i < WRITES; i++) {
      RawHttp.Response answer = stranger.postJson(variant, report(marker + i));
      assertThat(answer.status()).as(variant + " " + answer.body()).isLessThan(500).isNotEqualTo(429);
      accepted += answer.status() == 201 ? 1 : 0;
    }
    assertThat(stranger.postJson("/api/cases", report(marker + "x")).status()).isEqualTo(429);
    assertThat(casesWith(marker)).isEqualTo(accepted);
  }

  @Test
  void aForgedForwardedForFromAnUntrustedPeerChangesNothing() {
    RawHttp stranger = new RawHttp("127.0.3.1", port);
    String marker = marker();
    for (int i = 0; i < WRITES; i++) {
      assertThat(stranger.postJson("/api/cases", report(marker + i), "X-Forwarded-For: 198.51.100." + i).status())
          .isEqualTo(201);
    }
    assertThat(stranger.postJson("/api/cases", report(marker + "x"), "X-Forwarded-For: 198.51.100.99").status())
        .isEqualTo(429);
    assertThat(casesWith(marker)).isEqualTo(WRITES);
  }

  @Test
  void residentsBehindTheTrustedProxyAreToldApartByTheRightMostAddressItDidNotWrite() {
    RawHttp proxy = new RawHttp(PROXY, port);
    String marker = marker();
    for (int i = 0; i < WRITES; i++) {
      assertThat(proxy.postJson("/api/cases", report(marker + i), "X-Forwarded-For: 198.51.100.7").status()).isEqualTo(201);
    }
    assertThat(proxy.postJson("/api/cases", report(marker + "a"), "X-Forwarded-For: 198.51.100.7").status()).isEqualTo(429);
    assertThat(proxy.postJson("/api/cases", report(marker + "b"), "X-Forwarded-For: 203.0.113.66, 198.51.100.7").status())
        .as("a hop the resident wrote on the left").isEqualTo(429);
    assertThat(proxy.postJson("/api/cases", report(marker + "c"), "X-Forwarded-For: 198.51.100.7, 127.0.9.5").status())
        .as("through a second trusted proxy").isEqualTo(429);
    assertThat(proxy.postJson("/api/cases", report(marker + "d"), "X-Forwarded-For: 198.51.100.8").status())
        .as("another resident behind the same proxy").isEqualTo(201);
    assertThat(casesWith(marker)).isEqualTo(WRITES + 1);
  }

  @Test
  void atRetryAfterTheResidentMayReportAgain() {
    RawHttp resident = new RawHttp("127.0.4.1", port);
    String marker = marker();
    ClockUtil.setCurrentTime(new Date());
    for (int i = 0; i < WRITES; i++) {
      assertThat(resident.postJson("/api/cases", report(marker + i)).status()).isEqualTo(201);
    }
    RawHttp.Response refused = resident.postJson("/api/cases", report(marker + "x"));
    assertThat(refused.status()).isEqualTo(429);
    int retryAfter = Integer.parseInt(refused.header("Retry-After"));

    moveEngineClock(retryAfter - 1);
    assertThat(resident.postJson("/api/cases", report(marker + "y")).status()).as("a second early").isEqualTo(429);
    moveEngineClock(1);
    assertThat(resident.postJson("/api/cases", report(marker + "z")).status()).isEqualTo(201);
    assertThat(casesWith(marker)).isEqualTo(WRITES + 1);
  }

  @Test
  void staffWithTheirLoginAreNotLimited() {
    RawHttp hotline = new RawHttp("127.0.5.1", port);
    String password = TestLogins.passwordFor(appIdentity, "wuxiuying");
    String marker = marker();
    for (int i = 0; i < WRITES * 2; i++) {
      var report = residentReport(marker + i);
      report.put("channel", "hotline");
      assertThat(hotline.postJson("/api/cases", toJson(report), "Authorization: " + basic("wuxiuying", password)).status())
          .isEqualTo(201);
    }
    assertThat(casesWith(marker)).isEqualTo(WRITES * 2);
  }

  private static List<Integer> statuses(int n, int status, int m, int then) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n + m; i++) {
      all.add(i < n ? status : then);
    }
    return all;
  }

  private static void moveEngineClock(int seconds) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + seconds * 1000L));
  }

  private static String marker() {
    return "限流测试 rate-limit " + System.nanoTime() + " #";
  }

  private static String report(String description) {
    return toJson(residentReport(description));
  }

  private static int casesWith(String marker) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM gl_case WHERE description LIKE ?", Integer.class, marker + "%");
  }

  static String basic(String login, String password) {
    return "Basic " + base64(login + ":" + password);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}

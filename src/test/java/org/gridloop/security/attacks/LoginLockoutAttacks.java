package org.gridloop.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridloop.security.attacks.RateLimitAttacks.basic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridloop.security.LoginDelays;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.RawHttp;
import org.gridloop.support.TestLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Finding 10: ten wrong passwords locked an account until an administrator unlocked it, so anyone
 * who knew a login could lock its owner out. Now the engine only delays the next login a little
 * (while the delay runs every password is refused) and never locks; each client may try a login
 * {@value #PER_LOGIN} times a quarter hour, so one client cannot keep renewing the delay. Each
 * client here is an address of its own (127.0.0.0/8 is all loopback); the engine clock is moved
 * past the delay instead of waiting for it.
 */
@GridLoopIntegrationTest
class LoginLockoutAttacks extends AttackScenario {

  /** {@code gridloop.rate-limit.wrong-passwords-per-login}, as in application.properties. */
  static final int PER_LOGIN = 5;

  @LocalServerPort int port;
  String password;

  @BeforeEach
  void tangjieHasHisPassword() {
    password = TestLogins.passwordFor(identity, "tangjie");
    ClockUtil.setCurrentTime(new Date());
  }

  @AfterEach
  void clockBackAndTangjieUnlocked() {
    ClockUtil.reset();
    identity.unlockUser("tangjie");
  }

  @Test
  void fiftyWrongPasswordsOnTheApiFromOneStrangerNeitherLockNorKeepDelayingTheSupervisor() {
    RawHttp stranger = new RawHttp("127.0.6.1", port);
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      answers.add(stranger.get("/api/sla/open", "Authorization: " + basic("tangjie", "wrong")).status());
    }
    assertThat(answers.subList(0, PER_LOGIN)).containsOnly(401);
    assertThat(answers.subList(PER_LOGIN, 50)).containsOnly(429);

    theStrangerCannotRenewTheDelayAndTangjieLogsInFromHisDesk(
        () -> stranger.get("/api/sla/open", "Authorization: " + basic("tangjie", "wrong")),
        () -> new RawHttp("127.0.6.2", port).get("/api/sla/open", "Authorization: " + basic("tangjie", password)));
  }

  @Test
  void theEngineRestApiLoginIsThrottledTheSameWay() {
    RawHttp stranger = new RawHttp("127.0.6.3", port);
    for (int i = 0; i < PER_LOGIN; i++) {
      assertThat(stranger.get("/engine-rest/task/count", "Authorization: " + basic("tangjie", "wrong" + i)).status())
          .isEqualTo(401);
    }
    RawHttp.Response throttled = stranger.get("/engine-rest/task/count", "Authorization: " + basic("tangjie", "wrong"));
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 15 * 60 + 1);
    assertThat(json(throttled.body()).get("message").asText()).contains("Too many wrong passwords for this login");

    theStrangerCannotRenewTheDelayAndTangjieLogsInFromHisDesk(
        () -> stranger.get("/engine-rest/task/count", "Authorization: " + basic("TangJie", "wrong")),
        () -> new RawHttp("127.0.6.4", port).get("/engine-rest/task/count", "Authorization: " + basic("tangjie", password)));
  }

  @Test
  void theWebappsLoginIsThrottledTheSameWay() {
    RawHttp stranger = new RawHttp("127.0.6.5", port);
    for (int i = 0; i < PER_LOGIN; i++) {
      assertThat(webappLogin(stranger, "tangjie", "wrong" + i).status()).isEqualTo(401);
    }
    assertThat(webappLogin(stranger, "tangjie", "wrong").status()).isEqualTo(429);

    theStrangerCannotRenewTheDelayAndTangjieLogsInFromHisDesk(
        () -> webappLogin(stranger, "tangjie", "wrong"),
        () -> webappLogin(new RawHttp("127.0.6.6", port), "tangjie", password));
  }

  @Test
  void aColleagueCannotGuessThroughTheEngineRestApisPasswordCheckEither() {
    RawHttp colleague = new RawHttp("127.0.6.7", port);
    String wangfang = "Authorization: " + basic("wangfang", TestLogins.passwordFor(identity, "wangfang"));
    Function<String, RawHttp.Response> verify = guess -> colleague.postJson("/engine-rest/identity/verify",
        toJson(java.util.Map.of("username", "tangjie", "password", guess)), wangfang);
    for (int i = 0; i < PER_LOGIN; i++) {
      RawHttp.Response answer = verify.apply("wrong" + i);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(json(answer.body()).get("authenticated").asBoolean()).isFalse();
    }
    assertThat(verify.apply("wrong").status()).isEqualTo(429);

    theStrangerCannotRenewTheDelayAndTangjieLogsInFromHisDesk(() -> verify.apply("wrong"),
        () -> new RawHttp("127.0.6.8", port).get("/engine-rest/task/count", "Authorization: " + basic("tangjie", password)));
  }

  @Test
  void threeHundredWrongPasswordsOverTimeFromManyClientsNeverLockTheAccount() {
    for (int i = 0; i < 300; i++) {
      passTheLoginDelay();
      RawHttp stranger = new RawHttp("127.0." + (7 + i / 200) + "." + (1 + i % 200), port);
      assertThat(stranger.get("/engine-rest/task/count", "Authorization: " + basic("tangjie", "wrong")).status())
          .isEqualTo(401);
    }
    UserEntity tangjie = (UserEntity) identity.createUserQuery().userId("tangjie").singleResult();
    assertThat(tangjie.getAttempts()).as("each one checked (Camunda's lock-out came at 10)").isEqualTo(300);

    passTheLoginDelay();
    assertThat(new RawHttp("127.0.8.201", port).get("/engine-rest/task/count", "Authorization: " + basic("tangjie", password))
        .status()).isEqualTo(200);
    assertThat(((UserEntity) identity.createUserQuery().userId("tangjie").singleResult()).getAttempts()).isZero();
  }

  /**
   * The stranger's last wrong password started the engine's delay; once it is over, the stranger's
   * next try is refused before the engine sees it, so the real user (elsewhere) gets in.
   */
  private void theStrangerCannotRenewTheDelayAndTangjieLogsInFromHisDesk(
      java.util.function.Supplier<RawHttp.Response> strangerTries, java.util.function.Supplier<RawHttp.Response> tangjie) {
    passTheLoginDelay();
    assertThat(strangerTries.get().status()).isEqualTo(429);
    assertThat(tangjie.get().status()).as("the real tangjie, right away").isEqualTo(200);
    assertThat(((UserEntity) identity.createUserQuery().userId("tangjie").singleResult()).getAttempts())
        .as("no lock left behind").isZero();
  }

  private static void passTheLoginDelay() {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + (LoginDelays.MAX_DELAY_SECONDS + 1) * 1000L));
  }

  /** Logs in to Cockpit as its login page does: a CSRF token first, then the form. */
  private static RawHttp.Response webappLogin(RawHttp client, String login, String password) {
    RawHttp.Response page = client.get("/camunda/api/admin/auth/user/default");
    String cookies = String.join("; ", page.header("Set-Cookie").replaceAll(";[^,]*", "").split(",\\s*"));
    String form = "username=" + login + "&password=" + password;
    return client.send("POST", "/camunda/api/admin/auth/user/default/login/cockpit", form.getBytes(StandardCharsets.UTF_8),
        "Content-Type: application/x-www-form-urlencoded", "X-XSRF-TOKEN: " + page.header("X-XSRF-TOKEN"),
        "Cookie: " + cookies);
  }
}

package org.gridloop.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridloop.account.PasswordLinkRepository;
import org.gridloop.account.PasswordLinkRepository.Link;
import org.gridloop.account.PasswordLinkRepository.Status;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.LoopbackSmtp;
import org.gridloop.support.PasswordLinkMails;
import org.gridloop.support.TestLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finding 8: the demo password reached real organisations. The suite runs the bundled directory
 * with demo mode off, which is not the demo organisation: the shared password opens nothing, and
 * staff set their own through a one-time link mailed to them (GreenMail on 127.0.0.1:3025). The
 * link is attacked here: reused, guessed, used late, used after a fresher one, asked for by
 * someone who is no administrator. (A real file in demo mode: RealOrganisationPasswordsIT.)
 */
@GridLoopIntegrationTest
class DemoPasswordAttacks extends AttackScenario {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;
  @Autowired PasswordLinkRepository links;

  /** Started by the tests that read a link mail. */
  private GreenMail smtp;

  @AfterEach
  void stopSmtpAndResetClock() {
    if (smtp != null) {
      smtp.stop();
    }
    ClockUtil.reset();
  }

  @Test
  void theDemoPasswordLogsNobodyInWhenDemoModeIsOff() {
    for (String user : List.of("wangfang", "wuxiuying", "zhuhong", "luoyan", "tangjie", "dengwen")) {
      Set<String> groups = groupsOf(user);
      try {
        assertThat(rest.withBasicAuth(user, "gridloop").getForEntity("/engine-rest/task", String.class)
            .getStatusCode()).as(user).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth(user, "gridloop").getForEntity("/api/sla/open", String.class)
            .getStatusCode()).as(user).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(groupsOf(user)).isEqualTo(groups);
      } finally {
        identity.unlockUser(user); // the refused tries delay the next real login
      }
    }
  }

  @Test
  void aUsedLinkCannotSetThePasswordAgain() {
    String link = freshLinkFor("lijun", "li.jun@gridloop.example");
    assertThat(PasswordLinkMails.setPassword(rest, link, "lijun-first-choice", "lijun-first-choice")
        .getStatusCode()).isEqualTo(HttpStatus.OK);

    // Whoever finds the mail later tries the link again.
    ResponseEntity<String> page = rest.getForEntity(link, String.class);
    ResponseEntity<String> again = PasswordLinkMails.submit(rest, pageOf(link), PasswordLinkMails.tokenOf(link),
        "attacker-password-1", "attacker-password-1");

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(again.getBody()).contains("此链接已使用", "This link has been used").doesNotContain("<form");
    assertThat(identity.checkPassword("lijun", "lijun-first-choice")).isTrue();
    assertThat(rest.withBasicAuth("lijun", "attacker-password-1").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    identity.unlockUser("lijun");
    assertThat(links.of("lijun").get(0).status()).isEqualTo(Status.USED);
  }

  @Test
  void guessedTokensOpenNothingAndChangeNothing() {
    String link = freshLinkFor("chenjing", "chen.jing@gridloop.example");
    String password = TestLogins.passwordFor(identity, "chenjing");
    List<Link> before = links.of("chenjing");

    for (int i = 0; i < 30; i++) {
      String guess = randomToken();
      ResponseEntity<String> get = rest.getForEntity("/account/password?token=" + guess, String.class);
      ResponseEntity<String> post = PasswordLinkMails.submit(rest, "/account/password", guess,
          "attacker-password-1", "attacker-password-1");
      assertThat(get.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(post.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(post.getBody()).contains("链接无效", "This link is not valid").doesNotContain("chenjing");
    }
    // Malformed tokens: missing, empty, huge, not base64: a clear page, never a 5xx.
    for (String odd : new String[] {"", "%00", "x".repeat(5000), "../../etc/passwd", "' or 1=1 --"}) {
      assertThat(rest.getForEntity("/account/password?token={t}", String.class, odd).getStatusCode())
          .as("token '%s'", odd.length() > 20 ? odd.substring(0, 20) + "…" : odd).isEqualTo(HttpStatus.NOT_FOUND);
    }
    assertThat(rest.getForEntity("/account/password", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(PasswordLinkMails.submit(rest, "/account/password", null, "attacker-password-1", "attacker-password-1")
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    assertThat(links.of("chenjing")).isEqualTo(before);
    assertThat(identity.checkPassword("chenjing", password)).isTrue();
    assertThat(rest.getForEntity(link, String.class).getStatusCode()).as("the real link still works")
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void aLinkUsedAfterItExpiredIsRefused() {
    String link = freshLinkFor("yangfan", "yang.fan@gridloop.example");
    String password = TestLogins.passwordFor(identity, "yangfan");

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(73).toMillis()));
    ResponseEntity<String> page = rest.getForEntity(link, String.class);
    ResponseEntity<String> post = PasswordLinkMails.submit(rest, pageOf(link), PasswordLinkMails.tokenOf(link),
        "too-late-password", "too-late-password");

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(page.getBody()).contains("此链接已过期", "This link has expired");
    assertThat(post.getStatusCode()).isEqualTo(HttpStatus.GONE);
    ClockUtil.reset();
    assertThat(identity.checkPassword("yangfan", password)).isTrue();
    assertThat(links.of("yangfan").get(0).status()).isEqualTo(Status.ISSUED);
  }

  @Test
  void anOlderLinkStopsWorkingOnceAFresherOneIsSent() {
    String older = freshLinkFor("zhaolei", "zhao.lei@gridloop.example");
    String fresher = freshLinkFor("zhaolei", "zhao.lei@gridloop.example");
    assertThat(fresher).isNotEqualTo(older);

    ResponseEntity<String> refused = PasswordLinkMails.submit(rest, pageOf(older), PasswordLinkMails.tokenOf(older),
        "older-link-password", "older-link-password");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(refused.getBody()).contains("此链接已失效", "A newer link was sent");
    assertThat(identity.checkPassword("zhaolei", "older-link-password")).isFalse();
    identity.unlockUser("zhaolei");
    assertThat(PasswordLinkMails.setPassword(rest, fresher, "fresher-link-password", "fresher-link-password")
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(identity.checkPassword("zhaolei", "fresher-link-password")).isTrue();
  }

  @Test
  void thePageRefusesTheDemoPasswordAndWeakOnesAndTheLinkStaysUsable() {
    String link = freshLinkFor("huangmin", "huang.min@gridloop.example");
    String password = TestLogins.passwordFor(identity, "huangmin");

    for (String[] weak : new String[][] {{"gridloop", "gridloop"}, {"GRIDLOOP", "GRIDLOOP"}, {"short", "short"},
        {"huangmin", "huangmin"}, {"long-enough-password", "a-different-one"}}) {
      ResponseEntity<String> refused = PasswordLinkMails.setPassword(rest, link, weak[0], weak[1]);
      assertThat(refused.getStatusCode()).as(weak[0]).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).as(weak[0]).containsAnyOf("id=\"password-error\"", "id=\"confirmation-error\"");
    }

    assertThat(identity.checkPassword("huangmin", password)).isTrue();
    assertThat(links.of("huangmin").get(0).status()).isEqualTo(Status.ISSUED);
  }

  @Test
  void onlyAdministratorsSendPasswordLinks() {
    int mailsBefore = PasswordLinkMails.queued(jdbc, "tang.jie@gridloop.example");
    List<Link> before = links.of("tangjie");

    assertThat(rest.postForEntity("/api/admin/staff/tangjie/password-link", null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    for (String insider : List.of("wangfang", "tangjie", "dengwen")) {
      ResponseEntity<String> refused = as(insider).postForEntity("/api/admin/staff/tangjie/password-link", null, String.class);
      assertThat(refused.getStatusCode()).as(insider).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(json(refused.getBody()).get("status").asInt()).isEqualTo(403);
    }
    ResponseEntity<String> unknown = as("admin").postForEntity("/api/admin/staff/nobody-here/password-link", null, String.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json(unknown.getBody()).get("message").asText()).contains("userId");
    ResponseEntity<String> administrator = as("admin").postForEntity("/api/admin/staff/admin/password-link", null, String.class);
    assertThat(administrator.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(json(administrator.getBody()).get("message").asText()).contains("GRIDLOOP_ADMIN_PASSWORD");

    assertThat(PasswordLinkMails.queued(jdbc, "tang.jie@gridloop.example")).isEqualTo(mailsBefore);
    assertThat(links.of("tangjie")).isEqualTo(before);
  }

  /** The administrator sends the person a fresh link; the mail is delivered and read; returns its link, on this app. */
  private String freshLinkFor(String userId, String email) {
    if (smtp == null) {
      smtp = LoopbackSmtp.start();
    }
    ResponseEntity<String> sent = as("admin").postForEntity("/api/admin/staff/" + userId + "/password-link", null,
        String.class);
    assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(json(sent.getBody()).get("sentTo").asText()).isEqualTo(email);
    PasswordLinkMails.deliver(jdbc, management, email);
    String link = PasswordLinkMails.linkFor(smtp, email);
    // The mail names gridloop.public-url; the suite's app listens on a random port.
    return link.substring(link.indexOf("/account/password"));
  }

  private static String pageOf(String link) {
    return link.substring(0, link.indexOf('?'));
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private Set<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).collect(Collectors.toSet());
  }
}

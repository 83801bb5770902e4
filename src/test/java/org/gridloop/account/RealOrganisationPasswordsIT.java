package org.gridloop.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.gridloop.account.PasswordLinkRepository.Reason;
import org.gridloop.account.PasswordLinkRepository.Status;
import org.gridloop.org.OrgIdentities;
import org.gridloop.org.OrgIdentities.Kind;
import org.gridloop.support.PasswordLinkMails;
import org.gridloop.support.StandaloneApp;
import org.gridloop.support.TestLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * GridLoop started on a real organisation file (a copy of the demo directory in a folder of its
 * own, plus one newcomer) with its web server and a real SMTP server (GreenMail on a free port):
 * first in demo mode, then again with demo mode off on the same database. Nobody of a real file
 * logs in with the demo password, and a person sets their own password by the link in their mail.
 * What the administrator made in between survives the restart. (On the PostgreSQL run the first
 * start is without demo mode too: the postgres profile refuses demo mode.)
 */
class RealOrganisationPasswordsIT {

  private static final String ENGINE = "realOrgPasswords";
  private static final String DEMO_PASSWORD = "gridloop";

  private GreenMail smtp;
  private int smtpPort;

  @BeforeEach
  void startSmtp() {
    // A port of its own: this app is not the suite's, whose mail goes to 3025.
    smtpPort = StandaloneApp.freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void staffOfARealFileNeverLogInWithTheDemoPasswordAndSetTheirOwnByTheMailedLink() throws IOException {
    Path dir = StandaloneApp.freshDataDir("real-org");
    String newcomer = "newcomer" + System.nanoTime();
    String newcomerMail = newcomer + "@gridloop.example";
    Path file = realOrganisationFile(dir, newcomer, newcomerMail);
    int port = StandaloneApp.freePort();
    String helper = "helper" + System.nanoTime();
    String helpers = "helpers" + System.nanoTime();
    TestRestTemplate web = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));

    // First start: demo mode on (H2), with the real file.
    try (ConfigurableApplicationContext first = start(dir, port, file, !onPostgres())) {
      assertThat(login(web, newcomer, DEMO_PASSWORD)).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(login(web, "wangfang", DEMO_PASSWORD)).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(login(web, "tangjie", DEMO_PASSWORD)).isEqualTo(HttpStatus.UNAUTHORIZED);
      JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
      assertThat(PasswordLinkMails.queued(jdbc, newcomerMail)).as("the newcomer's link, mailed at startup").isOne();
      PasswordLinkMails.deliver(jdbc, first.getBean(ManagementService.class), newcomerMail);
      assertThat(first.getBean(PasswordLinkRepository.class).of(newcomer)).first()
          .satisfies(link -> {
            assertThat(link.status()).isEqualTo(Status.ISSUED);
            assertThat(link.reason()).isEqualTo(Reason.NEW_STAFF);
          });

      // As GridLoop before this change left every person of a real file started in demo mode:
      IdentityService identity = first.getBean(IdentityService.class);
      setPassword(identity, "zhangli", DEMO_PASSWORD);
      // Meanwhile the administrator makes a user and a group in Camunda Admin (the same REST calls).
      TestRestTemplate admin = web.withBasicAuth("admin", TestLogins.ADMIN_PASSWORD);
      assertThat(post(admin, engine("/user/create"), Map.of(
          "profile", Map.of("id", helper, "firstName", "帮手", "lastName", "Helper", "email", helper + "@example.org"),
          "credentials", Map.of("password", "helper-password-1"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(post(admin, engine("/group/create"), Map.of("id", helpers, "name", "帮手 Helpers", "type", "WORKFLOW"))
          .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      for (String member : new String[] {helper, "wangfang"}) {
        assertThat(admin.exchange(engine("/group/" + helpers + "/members/" + member), HttpMethod.PUT, null, String.class)
            .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      }
    }
    String link = PasswordLinkMails.linkFor(smtp, newcomerMail);
    assertThat(link).startsWith("http://localhost:" + port + "/account/password?token=");

    // Second start, same database: demo mode off.
    try (ConfigurableApplicationContext second = start(dir, port, file, false)) {
      IdentityService identity = second.getBean(IdentityService.class);
      try {
        assertThat(login(web, "zhangli", DEMO_PASSWORD)).as("the demo password left from before is replaced")
            .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(second.getBean(PasswordLinkRepository.class).of("zhangli")).first()
            .satisfies(l -> assertThat(l.reason()).isEqualTo(Reason.DEMO_PASSWORD_REPLACED));
        assertThat(login(web, newcomer, DEMO_PASSWORD)).isEqualTo(HttpStatus.UNAUTHORIZED);
        // The administrator's user, group and memberships are still there.
        assertThat(identity.createUserQuery().userId(helper).count()).isOne();
        assertThat(identity.createUserQuery().memberOfGroup(helpers).list()).extracting(User::getId)
            .containsExactlyInAnyOrder(helper, "wangfang");
        assertThat(login(web, helper, "helper-password-1")).isEqualTo(HttpStatus.OK);

        // The newcomer follows the link of their mail: too short, then the demo password, then their own.
        ResponseEntity<String> page = web.getForEntity(link, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("设置密码", "Set your password", newcomer);
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        ResponseEntity<String> tooShort = PasswordLinkMails.setPassword(web, link, "short", "short");
        assertThat(tooShort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooShort.getBody()).contains("id=\"password-error\"", "at least 10 characters");
        ResponseEntity<String> demo = PasswordLinkMails.setPassword(web, link, "GridLoop", "GridLoop");
        assertThat(demo.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String own = "my-own-grid-password";
        ResponseEntity<String> set = PasswordLinkMails.setPassword(web, link, own, own);
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(set.getBody()).contains("密码已设置", "Your password is set");

        assertThat(login(web, newcomer, own)).isEqualTo(HttpStatus.OK);
        assertThat(identity.createGroupQuery().groupMember(newcomer).list()).extracting(Group::getId)
            .contains("staff", "grid-cx-hongxing-g1");
        ResponseEntity<String> again = web.getForEntity(link, String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(again.getBody()).contains("此链接已使用", "This link has been used");
      } finally {
        // On PostgreSQL the database is the whole suite's: leave no one behind.
        identity.deleteUser(newcomer);
        identity.deleteUser(helper);
        identity.deleteGroup(helpers);
        second.getBean(OrgIdentities.class).forget(Kind.USER, newcomer);
      }
    }
  }

  /** The demo directory and its owners register, copied to a folder of their own, with one newcomer more. */
  private static Path realOrganisationFile(Path dir, String newcomer, String email) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("organisation.yaml");
    Files.writeString(file, resource("/demo/organisation.yaml") + "  - { id: " + newcomer
        + ", name: 新同事, nameEn: New Colleague, email: " + email
        + ", roles: [ { role: gridWorker, unit: cx-hongxing-g1 } ] }\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("owners-register.yaml"), resource("/demo/owners-register.yaml"), StandardCharsets.UTF_8);
    return file;
  }

  private ConfigurableApplicationContext start(Path dir, int port, Path file, boolean demo) {
    return StandaloneApp.startWeb(ENGINE, dir, port,
        "--gridloop.org-file=file:" + file.toAbsolutePath(),
        "--gridloop.demo.enabled=" + demo,
        "--gridloop.public-url=http://localhost:" + port,
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort);
  }

  private static HttpStatus login(TestRestTemplate web, String user, String password) {
    return HttpStatus.valueOf(web.withBasicAuth(user, password).getForEntity(engine("/task/count"), String.class)
        .getStatusCode().value());
  }

  /** This app's engine by name: the JVM's default engine may be another app's. */
  private static String engine(String path) {
    return "/engine-rest/engine/" + ENGINE + path;
  }

  private static void setPassword(IdentityService identity, String userId, String password) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    user.setPassword(password);
    identity.saveUser(user);
  }

  private static ResponseEntity<String> post(TestRestTemplate client, String url, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return client.postForEntity(url, new HttpEntity<>(body, headers), String.class);
  }

  private static boolean onPostgres() {
    String profiles = System.getProperty("spring.profiles.active", System.getenv("SPRING_PROFILES_ACTIVE"));
    return profiles != null && profiles.contains("postgres");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = RealOrganisationPasswordsIT.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

package org.gridloop.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A person's password link the way they get and use it: the link mail delivered by its job (the job
 * executor is off in tests) to GreenMail, the link read from the mail, the page's form filled in and
 * sent as a browser would.
 */
public final class PasswordLinkMails {

  private static final Pattern LINK = Pattern.compile("(https?://\\S+/account/password\\?token=[A-Za-z0-9_-]+)");
  private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"token\" value=\"([A-Za-z0-9_-]+)\"");

  private PasswordLinkMails() {}

  /** Runs the job of the newest password-link mail queued for the address; fails if there is none. */
  public static void deliver(JdbcTemplate jdbc, ManagementService management, String address) {
    List<String> jobs = jdbc.queryForList("select job_id from gl_mail_outbox where template = 'password-link'"
        + " and recipients = ? and status = 'QUEUED' order by id desc", String.class, address);
    assertThat(jobs).as("a password link mail queued for %s", address).isNotEmpty();
    management.executeJob(jobs.get(0));
  }

  /** How many password-link mails were ever queued for the address. */
  public static int queued(JdbcTemplate jdbc, String address) {
    return jdbc.queryForObject("select count(*) from gl_mail_outbox where template = 'password-link'"
        + " and recipients = ?", Integer.class, address);
  }

  /** The link in the newest mail GreenMail received for the address. */
  public static String linkFor(GreenMail smtp, String address) {
    List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m, address)).toList();
    assertThat(mails).as("a mail to %s", address).isNotEmpty();
    String text = ReceivedMail.text(mails.get(mails.size() - 1));
    Matcher link = LINK.matcher(text);
    assertThat(link.find()).as("a password link in: %s", text).isTrue();
    return link.group(1);
  }

  /** Opens the link and sends its form as the person would: the token from the page, the two passwords typed. */
  public static ResponseEntity<String> setPassword(TestRestTemplate web, String link, String password,
      String confirmation) {
    ResponseEntity<String> page = web.getForEntity(link, String.class);
    Matcher token = HIDDEN_TOKEN.matcher(String.valueOf(page.getBody()));
    assertThat(token.find()).as("the page's form (HTTP %s): %s", page.getStatusCode(), page.getBody()).isTrue();
    return submit(web, link.substring(0, link.indexOf('?')), token.group(1), password, confirmation);
  }

  /** Posts the page's form with the given token (what a browser sends, or an attacker). */
  public static ResponseEntity<String> submit(TestRestTemplate web, String pageUrl, String token, String password,
      String confirmation) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("token", token);
    form.add("password", password);
    form.add("confirmation", confirmation);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return web.postForEntity(pageUrl, new HttpEntity<>(form, headers), String.class);
  }

  /** The token part of a link. */
  public static String tokenOf(String link) {
    return link.substring(link.indexOf("token=") + "token=".length());
  }

  private static boolean to(MimeMessage message, String address) {
    try {
      return message.getRecipients(Message.RecipientType.TO) != null
          && Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

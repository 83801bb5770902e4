package org.gridloop.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridloop.account.PasswordLinkRepository.Link;
import org.gridloop.account.PasswordLinkRepository.Reason;
import org.gridloop.account.PasswordLinkRepository.Status;
import org.gridloop.notify.MailService;
import org.gridloop.system.ApiErrors.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One-time links by which a staff member sets their own password. A link carries a random token of
 * 256 bits; only its SHA-256 hash is stored. It is mailed as a confidential mail (the outbox forgets
 * its body once sent), works once, until it expires ({@code gridloop.password-link.validity}, 72 h
 * by default), and a newer link for the same person ends the older ones.
 */
@Service
public class PasswordLinks {

  public static final String TEMPLATE = "password-link";
  public static final String PAGE = "/account/password";
  /** The shortest password the page accepts. */
  public static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 200;

  private static final Logger LOG = LoggerFactory.getLogger(PasswordLinks.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a token opens. */
  public enum State { VALID, USED, EXPIRED, REPLACED, UNKNOWN }

  /** A token looked up: its state and, when it is known, its link. */
  public record Opened(State state, Link link) {}

  /** A link just mailed. */
  public record Sent(String userId, String email, Date expiresAt) {}

  private final PasswordLinkRepository links;
  private final MailService mail;
  private final IdentityService identity;
  private final StaffPasswords passwords;
  private final TransactionTemplate transaction;
  private final Duration validity;

  public PasswordLinks(PasswordLinkRepository links, MailService mail, IdentityService identity,
      StaffPasswords passwords, TransactionTemplate transaction,
      @Value("${gridloop.password-link.validity:PT72H}") Duration validity) {
    this.links = links;
    this.mail = mail;
    this.identity = identity;
    this.passwords = passwords;
    this.transaction = transaction;
    this.validity = validity;
  }

  /**
   * Mails a fresh link to the person (ending their older links), in one transaction with the mail;
   * empty when they have no e-mail address.
   */
  public Optional<Sent> send(String userId, Reason reason, String by) {
    return transaction.execute(status -> {
      User user = identity.createUserQuery().userId(userId).singleResult();
      if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
        return Optional.<Sent>empty();
      }
      links.replaceOpen(userId);
      return Optional.of(issue(user, reason, by));
    });
  }

  /** Mails the links the identity sync asked for (it runs before mail can be queued). */
  public int sendPending() {
    int sent = 0;
    for (Link pending : links.pending()) {
      Boolean mailed = transaction.execute(status -> {
        // Claims the request first: of two nodes starting together, only one mails it.
        if (links.replaceOpen(pending.userId()) == 0) {
          return false;
        }
        User user = identity.createUserQuery().userId(pending.userId()).singleResult();
        if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
          links.markPendingUnsent(pending.userId());
          LOG.info("No password link for '{}': no e-mail address (the administrator sets the password in"
              + " Camunda Admin)", pending.userId());
          return false;
        }
        issue(user, pending.reason(), pending.createdBy());
        return true;
      });
      if (Boolean.TRUE.equals(mailed)) {
        sent++;
      }
    }
    if (sent > 0) {
      LOG.info("{} password link(s) mailed to staff who have no password of their own yet", sent);
    }
    return sent;
  }

  private Sent issue(User user, Reason reason, String by) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Date expires = new Date(ClockUtil.getCurrentTime().getTime() + validity.toMillis());
    links.insertIssued(user.getId(), reason, by, hash(token), expires);
    mail.queueConfidential(TEMPLATE, Map.of(
        "userId", user.getId(),
        "name", orDash(user.getFirstName()),
        "nameEn", orDash(user.getLastName()),
        "link", mail.link(PAGE + "?token=" + token),
        "expiresAt", expires), List.of(user.getEmail()), null);
    LOG.info("Password link for '{}' queued for mail ({}, by {}), valid until {}", user.getId(), reason, by,
        expires.toInstant());
    return new Sent(user.getId(), user.getEmail(), expires);
  }

  /** What a token opens now. */
  public Opened open(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return new Opened(State.UNKNOWN, null);
    }
    Optional<Link> found = links.findByTokenHash(hash(token.strip()));
    if (found.isEmpty()) {
      return new Opened(State.UNKNOWN, null);
    }
    Link link = found.get();
    State state = switch (link.status()) {
      case USED -> State.USED;
      case REPLACED -> State.REPLACED;
      case ISSUED -> link.expiresAt() != null && link.expiresAt().after(ClockUtil.getCurrentTime())
          ? State.VALID : State.EXPIRED;
      case PENDING, UNSENT -> State.UNKNOWN;
    };
    return new Opened(state, link);
  }

  /** The problems of a chosen password, by form field; empty when it may be set. */
  public List<FieldProblem> check(String userId, String password, String confirmation) {
    List<FieldProblem> problems = new ArrayList<>();
    if (password == null || password.length() < MIN_LENGTH) {
      problems.add(new FieldProblem("password", "至少 " + MIN_LENGTH + " 个字符 / at least " + MIN_LENGTH + " characters"));
    } else if (password.length() > MAX_LENGTH) {
      problems.add(new FieldProblem("password", "最多 " + MAX_LENGTH + " 个字符 / at most " + MAX_LENGTH + " characters"));
    } else if (passwords.isDemoPassword(password)) {
      problems.add(new FieldProblem("password",
          "演示密码人人皆知，请另选一个 / the demo password is known to everyone: choose your own"));
    } else if (password.equalsIgnoreCase(userId)) {
      problems.add(new FieldProblem("password", "不能与登录名相同 / must not be your login"));
    } else if (!password.equals(confirmation)) {
      problems.add(new FieldProblem("confirmation", "两次输入不一致 / does not match the password"));
    }
    return problems;
  }

  /**
   * Sets the password and uses the link up, in one transaction: of two tries with the same link
   * only one sets a password. Returns the state the link was in (VALID when the password was set).
   */
  public State redeem(String token, String password) {
    Opened opened = open(token);
    if (opened.state() != State.VALID) {
      return opened.state();
    }
    Link link = opened.link();
    return transaction.execute(status -> {
      if (!links.markUsed(link.id())) {
        return open(token).state();
      }
      User user = identity.createUserQuery().userId(link.userId()).singleResult();
      if (user == null) {
        status.setRollbackOnly();
        return State.UNKNOWN;
      }
      user.setPassword(password);
      identity.saveUser(user);
      // The link proves the mailbox: it also lifts a lock from wrong logins.
      identity.unlockUser(user.getId());
      LOG.info("User '{}' set their own password with a password link", user.getId());
      return State.VALID;
    });
  }

  static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String orDash(String text) {
    return text == null || text.isBlank() ? "-" : text;
  }
}

package org.gridloop.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.gridloop.security.CurrentUser.Credentials;
import org.gridloop.system.ApiErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Per client ({@link TrustedProxies}) and approximately sliding window ({@link RecentCounts}):
 * <ol>
 *   <li>anonymous writes to GridLoop's API (reports, proposals, opinions, votes, evaluations: any
 *       write to {@code /api/**} without valid credentials, by its normalised {@link Routes route}
 *       and whatever its headers say) are limited per minute, so the public endpoints cannot be
 *       used to flood staff or relay mail;
 *   <li>a client whose credentials keep being refused (wrong passwords at any login, 401s, wrong
 *       vote codes) gets 429 for any further credentials, until its last minute has fewer;
 *   <li>wrong passwords per client and login are limited per quarter hour. While the engine's login
 *       delay runs ({@link LoginDelays}) even the right password is refused, so without this one
 *       client could keep a known login delayed for ever with one wrong try per delay.
 * </ol>
 * A refusal is 429 with {@code Retry-After} (seconds until the client may try again) and the API's
 * JSON error body. In memory, per node, bounded by {@code maxClients} per counter.
 */
public class ClientRateLimit extends OncePerRequestFilter {

  /** The limits, as configured under {@code gridloop.rate-limit.*}. */
  public record Limits(int writesPerMinute, int refusalsPerMinute, int wrongPasswordsPerLogin, int maxClients) {
    public Limits {
      if (writesPerMinute < 1 || refusalsPerMinute < 1 || wrongPasswordsPerLogin < 1 || maxClients < 2) {
        throw new IllegalArgumentException("gridloop.rate-limit.*: every limit must be at least 1 (max-clients at least 2)");
      }
    }
  }

  static final long MINUTE = 60_000;
  static final long QUARTER_HOUR = 15 * MINUTE;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Limits limits;
  private final TrustedProxies proxies;
  private final Function<HttpServletRequest, Credentials> credentials;
  private final LongSupplier clock;
  private final RecentCounts writes;
  private final RecentCounts refusals;
  private final RecentCounts wrongPasswords;
  /** Logins a client has just given the right password for: their parallel requests need no place. */
  private final RecentCounts proven;

  /**
   * @param credentials checks a request's credentials for GridLoop's API ({@link CurrentUser#credentials})
   * @param millisClock the time in milliseconds (the engine's clock, so tests can move it)
   */
  public ClientRateLimit(Limits limits, TrustedProxies proxies, Function<HttpServletRequest, Credentials> credentials,
      LongSupplier millisClock) {
    this.limits = limits;
    this.proxies = proxies;
    this.credentials = credentials;
    this.clock = millisClock;
    this.writes = new RecentCounts(MINUTE, limits.maxClients());
    this.refusals = new RecentCounts(MINUTE, limits.maxClients());
    this.wrongPasswords = new RecentCounts(QUARTER_HOUR, limits.maxClients());
    this.proven = new RecentCounts(QUARTER_HOUR, limits.maxClients());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String client = proxies.clientOf(request);
    String route = Routes.of(request);
    long now = clock.getAsLong();
    LoginAttempts attempt = LoginAttempts.of(request, route);
    HttpServletRequest req = attempt.request();
    String login = attempt.login() == null ? null : client + " " + attempt.login();
    boolean vote = "POST".equals(req.getMethod()) && Routes.VOTE.matcher(route).matches();
    boolean authorization = req.getHeader("Authorization") != null;

    if ((login != null || vote || authorization) && refusals.reached(client, limits.refusalsPerMinute(), now)) {
      tooMany(response, refusals.millisUntilBelow(client, limits.refusalsPerMinute(), now),
          "Too many refused logins or vote codes from your address");
      return;
    }
    if (login != null && wrongPasswords.reached(login, limits.wrongPasswordsPerLogin(), now)) {
      tooMany(response, wrongPasswords.millisUntilBelow(login, limits.wrongPasswordsPerLogin(), now),
          "Too many wrong passwords for this login from your address");
      return;
    }
    boolean api = Routes.isApi(route);
    boolean write = Routes.isWrite(req);
    Credentials offered = api && (write || authorization) ? credentials.apply(req) : Credentials.NONE;
    Outcome outcome = new Outcome(client, login, vote, offered == Credentials.REFUSED, now);
    // GridLoop's API checked its credentials above. Elsewhere only the answer tells (the engine REST
    // API, the webapps' login, vote codes): until then the try takes a place in the counts, so a
    // burst of parallel tries counts whole; not for a login this client has just proven.
    boolean pending = offered == Credentials.NONE && (vote || (login != null && !proven.reached(login, 1, now)));
    if (pending && !outcome.reserve(response)) {
      return;
    }
    boolean anonymousWrite = api && write && offered != Credentials.VALID;
    if (anonymousWrite && !writes.tryRecord(client, limits.writesPerMinute(), now)) {
      outcome.settle(429, false);
      tooMany(response, writes.millisUntilBelow(client, limits.writesPerMinute(), now),
          "Too many reports from your address");
      return;
    }

    if (Routes.VERIFY.equals(route)) {
      // The answer tells: held back until it is read, then sent.
      ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
      try {
        chain.doFilter(req, held);
      } finally {
        outcome.settle(held.getStatus(), held.getStatus() < 300 && !authenticated(held.getContentAsByteArray()));
      }
      held.copyBodyToResponse();
      return;
    }
    boolean tried = login != null || vote || offered != Credentials.NONE;
    try {
      chain.doFilter(req, tried ? new SettledBeforeSent(response, outcome) : response);
    } finally {
      outcome.settle(response.getStatus(), false);
    }
  }

  /**
   * What one request's credentials came to, counted once. Counted before the answer can leave
   * ({@link SettledBeforeSent}): a client that read its 401 must find it counted at its next try.
   */
  private final class Outcome {

    private final String client;
    private final String login;
    private final boolean vote;
    private final boolean passwordRefused;
    private final long now;
    private String refusalPlace;
    private String loginPlace;
    private boolean settled;

    Outcome(String client, String login, boolean vote, boolean passwordRefused, long now) {
      this.client = client;
      this.login = login;
      this.vote = vote;
      this.passwordRefused = passwordRefused;
      this.now = now;
    }

    /** Takes places for a try whose outcome is not known yet; false (and 429 sent) if none is left. */
    boolean reserve(HttpServletResponse response) throws IOException {
      refusalPlace = refusals.tryReserve(client, limits.refusalsPerMinute(), now);
      if (refusalPlace == null) {
        tooMany(response, refusals.millisUntilBelow(client, limits.refusalsPerMinute(), now),
            "Too many refused logins or vote codes from your address");
        return false;
      }
      if (login != null) {
        loginPlace = wrongPasswords.tryReserve(login, limits.wrongPasswordsPerLogin(), now);
        if (loginPlace == null) {
          refusals.settle(refusalPlace, false, now);
          settled = true;
          tooMany(response, wrongPasswords.millisUntilBelow(login, limits.wrongPasswordsPerLogin(), now),
              "Too many wrong passwords for this login from your address");
          return false;
        }
      }
      return true;
    }

    synchronized void settle(int status, boolean refusedByAnswer) {
      if (settled) {
        return;
      }
      settled = true;
      boolean wrongPassword = passwordRefused || refusedByAnswer || (login != null && status == 401);
      boolean refused = wrongPassword || status == 401 || (vote && status == 403);
      if (refusalPlace != null) {
        refusals.settle(refusalPlace, refused, now);
      } else if (refused) {
        refusals.record(client, now);
      }
      if (login == null) {
        return;
      }
      if (loginPlace != null) {
        wrongPasswords.settle(loginPlace, wrongPassword, now);
      } else if (wrongPassword) {
        wrongPasswords.record(login, now);
      }
      if (wrongPassword) {
        proven.forget(login);
      } else if (status < 300) {
        wrongPasswords.forget(login); // the right password: earlier typos from here do not add up
        proven.record(login, now);
      }
    }
  }

  /** The response, its request's {@link Outcome} settled the moment its status could be sent. */
  private static final class SettledBeforeSent extends HttpServletResponseWrapper {

    private final Outcome outcome;

    SettledBeforeSent(HttpServletResponse response, Outcome outcome) {
      super(response);
      this.outcome = outcome;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      outcome.settle(getStatus(), false);
      return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      outcome.settle(getStatus(), false);
      return super.getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
      outcome.settle(getStatus(), false);
      super.flushBuffer();
    }

    @Override
    public void sendError(int status) throws IOException {
      outcome.settle(status, false);
      super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      outcome.settle(status, false);
      super.sendError(status, message);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      outcome.settle(302, false);
      super.sendRedirect(location);
    }
  }

  /** Whether the engine REST API's identity/verify answered {@code "authenticated": true}. */
  private static boolean authenticated(byte[] verifyAnswer) {
    try {
      JsonNode answer = JSON.readTree(verifyAnswer);
      return answer != null && answer.path("authenticated").asBoolean(false);
    } catch (IOException e) {
      return false;
    }
  }

  private static void tooMany(HttpServletResponse response, long millis, String why) throws IOException {
    long seconds = Math.max(1, (millis + 999) / 1000);
    response.setHeader("Retry-After", Long.toString(seconds));
    ApiErrors.send(response, HttpStatus.TOO_MANY_REQUESTS, why + ": try again in " + seconds + " s");
  }

  /** How many clients each counter tracks now, for tests of the memory bound. */
  int trackedClients() {
    return Math.max(Math.max(writes.size(), proven.size()), Math.max(refusals.size(), wrongPasswords.size()));
  }
}

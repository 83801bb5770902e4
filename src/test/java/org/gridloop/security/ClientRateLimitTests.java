package org.gridloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.gridloop.security.CurrentUser.Credentials;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

class ClientRateLimitTests {

  private static final String STAFF = basic("wangfang", "right");
  private static final String TANGJIE_WRONG = basic("tangjie", "wrong");
  private static final String TANGJIE_RIGHT = basic("tangjie", "right");

  private static final MockServletContext SERVLET_CONTEXT = new MockServletContext();

  private final AtomicLong millis = new AtomicLong(1_000_000);

  /** Writes 3 a minute, refusals 2 a minute, wrong passwords 2 per login and quarter hour. */
  private ClientRateLimit limit = limit(new ClientRateLimit.Limits(3, 2, 2, 1000), "");

  @Test
  void aStrangerPostingReportsAfterReportsIsSlowedDownForAMinute() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(post("/api/cases", "10.0.0.1", null)).isEqualTo(201);
    }
    assertThat(post("/api/cases", "10.0.0.1", null)).isEqualTo(429);
    assertThat(post("/api/topics/YS-2026-000001/opinions", "10.0.0.1", null)).isEqualTo(429);
    assertThat(post("/api/cases", "10.0.0.2", null)).as("another address").isEqualTo(201);
    assertThat(call("GET", "/api/cases/GC-2026-000001", "10.0.0.1", r -> {}, 200).getStatus()).as("reading").isEqualTo(200);
    assertThat(post("/api/cases", "10.0.0.1", STAFF)).as("staff with a valid login").isEqualTo(201);

    millis.addAndGet(ClientRateLimit.MINUTE);
    assertThat(post("/api/cases", "10.0.0.1", null)).as("the last minute's reports still weigh").isEqualTo(429);
    millis.addAndGet(ClientRateLimit.MINUTE);
    assertThat(post("/api/cases", "10.0.0.1", null)).isEqualTo(201);
  }

  @Test
  void aHeaderThatIsNoValidLoginBuysNoExtraReportsAndAWrongPasswordAlsoCountsAsARefusal() throws Exception {
    assertThat(post("/api/cases", "10.0.0.5", "Bearer x")).isEqualTo(201);
    assertThat(post("/api/cases", "10.0.0.5", "Basic !!not-base64!!")).isEqualTo(201);
    assertThat(post("/api/cases", "10.0.0.5", TANGJIE_WRONG)).as("a wrong password is anonymous").isEqualTo(201);
    assertThat(post("/api/cases", "10.0.0.5", "Bearer y")).isEqualTo(429);
    assertThat(post("/api/cases", "10.0.0.5", TANGJIE_WRONG)).as("refused again: the second refusal").isEqualTo(429);

    assertThat(call("GET", "/engine-rest/task", "10.0.0.5", auth(STAFF), 200).getStatus())
        .as("two refusals: no more credentials from this address this minute").isEqualTo(429);
  }

  @Test
  void aClientWhosePasswordsOrVoteCodesKeepBeingRefusedGets429ForFurtherCredentials() throws Exception {
    assertThat(call("GET", "/engine-rest/task", "10.0.0.3", auth(basic("ghost", "x")), 401).getStatus()).isEqualTo(401);
    assertThat(call("POST", "/api/topics/YS-2026-000001/votes", "10.0.0.3", r -> {}, 403).getStatus()).isEqualTo(403);

    assertThat(call("GET", "/engine-rest/task", "10.0.0.3", auth(STAFF), 200).getStatus()).isEqualTo(429);
    assertThat(call("POST", "/camunda/api/admin/auth/user/default/login/tasklist", "10.0.0.3",
        form("username=wangfang&password=right"), 200).getStatus()).isEqualTo(429);
    assertThat(call("GET", "/api/cases/GC-2026-000001", "10.0.0.3", r -> {}, 200).getStatus()).as("no credentials").isEqualTo(200);
    assertThat(call("GET", "/engine-rest/task", "10.0.0.4", auth(STAFF), 200).getStatus()).as("another address").isEqualTo(200);

    millis.addAndGet(2 * ClientRateLimit.MINUTE);
    assertThat(call("GET", "/engine-rest/task", "10.0.0.3", auth(STAFF), 200).getStatus()).isEqualTo(200);
  }

  @Test
  void aRefusalIs429WithRetryAfterAndTheApisJsonError() throws Exception {
    for (int i = 0; i < 3; i++) {
      post("/api/cases", "10.0.0.6", null);
    }
    millis.addAndGet(20_000);
    MockHttpServletResponse refused = call("POST", "/api/cases", "10.0.0.6", r -> {}, 201);

    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getContentType()).startsWith("application/json");
    assertThat(refused.getContentAsString()).contains("\"status\":429", "\"error\":\"Too Many Requests\"", "Too many reports");
    long retryAfter = Long.parseLong(refused.getHeader("Retry-After"));
    assertThat(retryAfter).as("the rest of this minute, then the next one's weight of three").isBetween(40L, 41L);

    millis.addAndGet((retryAfter - 1) * 1000);
    assertThat(post("/api/cases", "10.0.0.6", null)).as("a second early").isEqualTo(429);
    millis.addAndGet(1000);
    assertThat(post("/api/cases", "10.0.0.6", null)).as("at Retry-After").isEqualTo(201);
  }

  @Test
  void oneClientCannotKeepAKnownLoginDelayedButOthersAndTheRealUserElsewhereGoOn() throws Exception {
    limit = limit(new ClientRateLimit.Limits(3, 100, 2, 1000), "");
    assertThat(call("GET", "/api/sla/open", "10.0.1.1", auth(TANGJIE_WRONG), 401).getStatus()).isEqualTo(401);
    assertThat(call("GET", "/engine-rest/task", "10.0.1.1", auth(TANGJIE_WRONG), 401).getStatus()).isEqualTo(401);

    MockHttpServletResponse throttled = call("GET", "/api/sla/open", "10.0.1.1", auth(TANGJIE_WRONG), 401);
    assertThat(throttled.getStatus()).as("the engine never sees the third try").isEqualTo(429);
    assertThat(Long.parseLong(throttled.getHeader("Retry-After"))).isGreaterThan(14 * 60);
    assertThat(call("POST", "/camunda/api/admin/auth/user/default/login/cockpit", "10.0.1.1",
        form("username=TangJie&password=wrong"), 401).getStatus()).as("the webapps' login, any case").isEqualTo(429);
    assertThat(call("GET", "/engine-rest/task", "10.0.1.1", auth(STAFF), 200).getStatus()).as("another login").isEqualTo(200);
    assertThat(call("GET", "/engine-rest/task", "10.0.1.2", auth(TANGJIE_RIGHT), 200).getStatus())
        .as("the real tangjie elsewhere").isEqualTo(200);

    millis.addAndGet(ClientRateLimit.QUARTER_HOUR * 2);
    assertThat(call("GET", "/engine-rest/task", "10.0.1.1", auth(TANGJIE_RIGHT), 200).getStatus()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordIsCountedBeforeItsAnswerLeavesSoTheNextTryAlreadyFindsItCounted() throws Exception {
    limit = limit(new ClientRateLimit.Limits(3, 100, 1, 1000), "");
    int[] nextTry = new int[1];
    call("GET", "/engine-rest/task", "10.0.1.5", auth(TANGJIE_WRONG), (req, res) -> {
      res.setStatus(401);
      res.getOutputStream().write("{}".getBytes(StandardCharsets.UTF_8));
      res.flushBuffer(); // the client has its 401 now, and tries again at once
      nextTry[0] = call("GET", "/engine-rest/task", "10.0.1.5", auth(TANGJIE_WRONG), 401).getStatus();
    });
    assertThat(nextTry[0]).isEqualTo(429);
  }

  @Test
  void aBurstOfParallelGuessesCountsWholeWhileAProvenLoginsParallelRequestsGoThrough() throws Exception {
    limit = limit(new ClientRateLimit.Limits(3, 100, 2, 1000), "");
    List<Integer> guesses = new ArrayList<>();
    call("GET", "/engine-rest/task", "10.0.1.6", auth(TANGJIE_WRONG), (req, res) -> {
      for (int i = 0; i < 3; i++) { // arriving while the first guess is still being answered
        guesses.add(call("GET", "/engine-rest/task", "10.0.1.6", auth(TANGJIE_WRONG), 401).getStatus());
      }
      res.setStatus(401);
    });
    assertThat(guesses).containsExactly(401, 429, 429);

    assertThat(call("GET", "/engine-rest/task", "10.0.1.7", auth(TANGJIE_RIGHT), 200).getStatus()).isEqualTo(200);
    List<Integer> parallel = new ArrayList<>();
    call("GET", "/engine-rest/task", "10.0.1.7", auth(TANGJIE_RIGHT), (req, res) -> {
      for (int i = 0; i < 6; i++) {
        parallel.add(call("GET", "/engine-rest/task", "10.0.1.7", auth(TANGJIE_RIGHT), 200).getStatus());
      }
      res.setStatus(200);
    });
    assertThat(parallel).containsOnly(200);
  }

  @Test
  void theRightPasswordForgetsTheTyposBeforeIt() throws Exception {
    limit = limit(new ClientRateLimit.Limits(3, 100, 2, 1000), "");
    assertThat(call("GET", "/engine-rest/task", "10.0.1.3", auth(TANGJIE_WRONG), 401).getStatus()).isEqualTo(401);
    assertThat(call("GET", "/engine-rest/task", "10.0.1.3", auth(TANGJIE_RIGHT), 200).getStatus()).isEqualTo(200);
    assertThat(call("GET", "/engine-rest/task", "10.0.1.3", auth(TANGJIE_WRONG), 401).getStatus()).isEqualTo(401);
    assertThat(call("GET", "/engine-rest/task", "10.0.1.3", auth(TANGJIE_RIGHT), 200).getStatus()).isEqualTo(200);
  }

  @Test
  void theWebappLoginFormAndTheEngineVerifyCallAreLoginsAndTheirBodiesStillReachTheEndpoint() throws Exception {
    limit = limit(new ClientRateLimit.Limits(3, 100, 1, 1000), "");
    StringBuilder seen = new StringBuilder();
    MockHttpServletResponse first = call("POST", "/camunda/api/admin/auth/user/default/login/tasklist", "10.0.1.4",
        form("username=tangjie&password=wrong"), (req, res) -> {
          seen.append(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
          res.setStatus(401);
        });
    assertThat(first.getStatus()).isEqualTo(401);
    assertThat(seen).hasToString("username=tangjie&password=wrong");
    assertThat(call("GET", "/engine-rest/task", "10.0.1.4", auth(TANGJIE_RIGHT), 200).getStatus())
        .as("the same login, through another door").isEqualTo(429);

    Consumer<MockHttpServletRequest> verifyWrong = json("{\"username\":\"zhuhong\",\"password\":\"wrong\"}");
    MockHttpServletResponse verified = call("POST", "/engine-rest/identity/verify", "10.0.1.4", verifyWrong, (req, res) -> {
      res.setStatus(200);
      res.getOutputStream().write("{\"authenticatedUser\":\"zhuhong\",\"authenticated\":false}".getBytes(StandardCharsets.UTF_8));
    });
    assertThat(verified.getContentAsString()).as("the answer still reaches the caller").contains("\"authenticated\":false");
    assertThat(call("POST", "/engine-rest/identity/verify", "10.0.1.4", verifyWrong, 200).getStatus()).isEqualTo(429);
  }

  @Test
  void pathParametersDoubleAndTrailingSlashesLeaveTheRouteAsItIs() throws Exception {
    assertThat(post("/api//cases", "10.0.0.7", null)).isEqualTo(201);
    assertThat(post("/api/cases/", "10.0.0.7", null)).isEqualTo(201);
    assertThat(post("/api/cases;x=1", "10.0.0.7", null)).isEqualTo(201);
    assertThat(post("/api;x/cases", "10.0.0.7", null)).isEqualTo(429);
  }

  @Test
  void behindATrustedProxyClientsAreKeyedOnTheForwardedAddressAndForgedHopsToTheLeftChangeNothing() throws Exception {
    limit = limit(new ClientRateLimit.Limits(1, 100, 100, 1000), "10.1.0.0/16, 192.0.2.7");
    assertThat(postVia("10.1.2.3", "198.51.100.1")).isEqualTo(201);
    assertThat(postVia("10.1.2.3", "198.51.100.1")).isEqualTo(429);
    assertThat(postVia("10.1.2.3", "198.51.100.2")).as("another resident behind the proxy").isEqualTo(201);
    assertThat(postVia("10.1.2.3", "203.0.113.9, 198.51.100.1")).as("a forged hop on the left").isEqualTo(429);
    assertThat(postVia("192.0.2.7", "198.51.100.1, 10.1.9.9")).as("through two trusted proxies").isEqualTo(429);
    assertThat(postVia("10.1.2.3", "not-an-address, 198.51.100.3")).isEqualTo(201);
    assertThat(postVia("10.1.2.3", "2001:db8:1:2::1")).isEqualTo(201);
    assertThat(postVia("10.1.2.3", "2001:db8:1:2:ffff::77")).as("the same IPv6 /64").isEqualTo(429);

    assertThat(postVia("10.9.9.9", "198.51.100.4")).as("an untrusted peer's header is ignored").isEqualTo(201);
    assertThat(postVia("10.9.9.9", "198.51.100.5")).as("keyed on the peer").isEqualTo(429);
  }

  @Test
  void twoHundredThousandDistinctClientsKeepTheCountersUnderTheirCap() throws Exception {
    limit = limit(new ClientRateLimit.Limits(1, 1, 1, 10_000), "10.0.0.0/8");
    for (int i = 0; i < 200_000; i++) {
      String forwarded = "100." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff);
      call("POST", "/api/cases", "10.0.0.1", r -> {
        r.addHeader("X-Forwarded-For", forwarded);
        r.addHeader("Authorization", basic("u" + forwarded, "wrong"));
      }, 201);
      millis.addAndGet(1);
      assertThat(limit.trackedClients()).isLessThanOrEqualTo(10_000);
    }
    // 200 s later the early clients are long forgotten: newcomers get their own allowance again.
    millis.addAndGet(2 * ClientRateLimit.MINUTE);
    assertThat(postVia("10.0.0.1", "198.51.100.200")).isEqualTo(201);
    assertThat(postVia("10.0.0.1", "198.51.100.200")).isEqualTo(429);
  }

  @Test
  void whileTheTableIsFullOfActiveClientsNewcomersShareOneAllowance() throws Exception {
    limit = limit(new ClientRateLimit.Limits(2, 100, 100, 10), "10.0.0.0/8");
    for (int i = 0; i < 9; i++) {
      assertThat(postVia("10.0.0.1", "198.51.100." + i)).isEqualTo(201);
    }
    assertThat(postVia("10.0.0.1", "203.0.113.1")).isEqualTo(201);
    assertThat(postVia("10.0.0.1", "203.0.113.2")).isEqualTo(201);
    assertThat(postVia("10.0.0.1", "203.0.113.3")).isEqualTo(429);
    assertThat(postVia("10.0.0.1", "198.51.100.1")).as("a tracked client keeps its own").isEqualTo(201);
  }

  private ClientRateLimit limit(ClientRateLimit.Limits limits, String trustedProxies) {
    return new ClientRateLimit(limits, TrustedProxies.parse(trustedProxies), ClientRateLimitTests::credentials, millis::get);
  }

  /** Stands in for the engine's password check: wangfang and tangjie with "right" are valid. */
  private static Credentials credentials(HttpServletRequest request) {
    return CurrentUser.Basic.of(request)
        .map(b -> "right".equals(b.password()) ? Credentials.VALID : Credentials.REFUSED)
        .orElse(Credentials.NONE);
  }

  private int post(String path, String peer, String authorization) throws Exception {
    return call("POST", path, peer, authorization == null ? r -> {} : auth(authorization), 201).getStatus();
  }

  private int postVia(String peer, String forwardedFor) throws Exception {
    return call("POST", "/api/cases", peer, r -> r.addHeader("X-Forwarded-For", forwardedFor), 201).getStatus();
  }

  private MockHttpServletResponse call(String method, String path, String peer, Consumer<MockHttpServletRequest> setUp,
      int answer) throws Exception {
    return call(method, path, peer, setUp, (req, res) -> res.setStatus(answer));
  }

  interface Endpoint {
    void answer(HttpServletRequest request, HttpServletResponse response) throws Exception;
  }

  /** One request through the filter; {@code endpoint} answers it if it gets that far. */
  private MockHttpServletResponse call(String method, String path, String peer, Consumer<MockHttpServletRequest> setUp,
      Endpoint endpoint) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(SERVLET_CONTEXT, method, path);
    request.setServletPath(path); // as the container decoded and normalised it
    request.setRemoteAddr(peer);
    setUp.accept(request);
    MockHttpServletResponse response = new MockHttpServletResponse();
    limit.doFilter(request, response, new MockFilterChain() {
      @Override
      public void doFilter(ServletRequest req, ServletResponse res) {
        try {
          endpoint.answer((HttpServletRequest) req, (HttpServletResponse) res);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    });
    return response;
  }

  private static Consumer<MockHttpServletRequest> auth(String authorization) {
    return r -> r.addHeader("Authorization", authorization);
  }

  private static Consumer<MockHttpServletRequest> form(String body) {
    return r -> {
      r.setContentType("application/x-www-form-urlencoded");
      r.setContent(body.getBytes(StandardCharsets.UTF_8));
    };
  }

  private static Consumer<MockHttpServletRequest> json(String body) {
    return r -> {
      r.setContentType("application/json");
      r.setContent(body.getBytes(StandardCharsets.UTF_8));
    };
  }

  private static String basic(String login, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}

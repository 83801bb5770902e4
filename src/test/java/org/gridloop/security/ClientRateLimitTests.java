package org.gridloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ClientRateLimitTests {

  private final AtomicLong nanos = new AtomicLong();
  private final ClientRateLimit limit = new ClientRateLimit(3, 2, nanos::get);

  @Test
  void aStrangerPostingReportsAfterReportsIsSlowedDownForAMinute() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(call("POST", "/api/cases", "10.0.0.1", null, 201)).isEqualTo(201);
    }
    assertThat(call("POST", "/api/cases", "10.0.0.1", null, 201)).isEqualTo(429);
    assertThat(call("POST", "/api/topics/YS-2026-000001/opinions", "10.0.0.1", null, 201)).isEqualTo(429);
    assertThat(call("POST", "/api/cases", "10.0.0.2", null, 201)).as("another address").isEqualTo(201);
    assertThat(call("GET", "/api/cases/GC-2026-000001", "10.0.0.1", null, 200)).as("reading").isEqualTo(200);
    assertThat(call("POST", "/api/cases", "10.0.0.1", "Basic c3RhZmY6cHc=", 201)).as("staff with a login").isEqualTo(201);

    nanos.addAndGet(61_000_000_000L);
    assertThat(call("POST", "/api/cases", "10.0.0.1", null, 201)).isEqualTo(201);
  }

  @Test
  void aClientWhosePasswordsOrVoteCodesKeepBeingRefusedGets429ForFurtherCredentials() throws Exception {
    assertThat(call("GET", "/engine-rest/task", "10.0.0.3", "Basic dGFuZ2ppZTp4", 401)).isEqualTo(401);
    assertThat(call("POST", "/api/topics/YS-2026-000001/votes", "10.0.0.3", null, 403)).isEqualTo(403);

    assertThat(call("GET", "/engine-rest/task", "10.0.0.3", "Basic dGFuZ2ppZTpnb29k", 200)).isEqualTo(429);
    assertThat(call("POST", "/camunda/api/admin/auth/user/default/login/tasklist", "10.0.0.3", null, 200)).isEqualTo(429);
    assertThat(call("GET", "/api/cases/GC-2026-000001", "10.0.0.3", null, 200)).as("no credentials").isEqualTo(200);
    assertThat(call("GET", "/engine-rest/task", "10.0.0.4", "Basic dGFuZ2ppZTpnb29k", 200)).as("another address").isEqualTo(200);

    nanos.addAndGet(61_000_000_000L);
    assertThat(call("GET", "/engine-rest/task", "10.0.0.3", "Basic dGFuZ2ppZTpnb29k", 200)).isEqualTo(200);
  }

  /** One request through the filter; the chain answers with {@code answer} when it is reached. */
  private int call(String method, String path, String client, String authorization, int answer) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setRemoteAddr(client);
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    limit.doFilter(request, response, new MockFilterChain() {
      @Override
      public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
        ((HttpServletResponse) res).setStatus(answer);
      }
    });
    return response.getStatus();
  }
}

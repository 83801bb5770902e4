package org.gridloop.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per client address, within a sliding minute: (1) anonymous writes to GridLoop's public API
 * (reports, proposals, opinions, votes, evaluations) are limited, so the public endpoints cannot be
 * used to flood staff or relay mail; (2) a client whose credentials keep being refused (401 from
 * any login, 403 for wrong vote codes) gets 429 for any further credentials, so a stranger cannot
 * guess passwords or vote codes, nor lock people out through Camunda's login throttling, at speed.
 * In memory, per node: a first line of defence; a reverse proxy may add its own.
 */
public class ClientRateLimit extends OncePerRequestFilter {

  private static final Pattern PUBLIC_WRITE = Pattern.compile("/api/(cases(/[^/]+/rating)?|topics(/[^/]+/(opinions|votes|evaluations))?)");
  private static final Pattern VOTE = Pattern.compile("/api/topics/[^/]+/votes");
  private static final long MINUTE_NANOS = 60_000_000_000L;

  private final int writesPerMinute;
  private final int refusalsPerMinute;
  private final LongSupplier clock;
  private final Map<String, Deque<Long>> writes = new ConcurrentHashMap<>();
  private final Map<String, Deque<Long>> refusals = new ConcurrentHashMap<>();

  public ClientRateLimit(int writesPerMinute, int refusalsPerMinute, LongSupplier nanoClock) {
    this.writesPerMinute = writesPerMinute;
    this.refusalsPerMinute = refusalsPerMinute;
    this.clock = nanoClock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String client = request.getRemoteAddr();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    long now = clock.getAsLong();
    boolean credentials = request.getHeader("Authorization") != null || path.contains("/login/")
        || VOTE.matcher(path).matches();
    if (credentials && recent(refusals, client, now) >= refusalsPerMinute) {
      tooMany(response, "Too many refused logins or codes from your address: wait a minute");
      return;
    }
    boolean anonymousWrite = "POST".equals(request.getMethod()) && PUBLIC_WRITE.matcher(path).matches()
        && request.getHeader("Authorization") == null;
    if (anonymousWrite) {
      if (recent(writes, client, now) >= writesPerMinute) {
        tooMany(response, "Too many reports from your address: wait a minute");
        return;
      }
      record(writes, client, now);
    }
    chain.doFilter(request, response);
    int status = response.getStatus();
    if (status == HttpServletResponse.SC_UNAUTHORIZED
        || (status == HttpServletResponse.SC_FORBIDDEN && VOTE.matcher(path).matches())) {
      record(refusals, client, now);
    }
  }

  private int recent(Map<String, Deque<Long>> counts, String client, long now) {
    Deque<Long> times = counts.get(client);
    if (times == null) {
      return 0;
    }
    synchronized (times) {
      while (!times.isEmpty() && now - times.peekFirst() > MINUTE_NANOS) {
        times.pollFirst();
      }
      if (times.isEmpty()) {
        counts.remove(client, times);
      }
      return times.size();
    }
  }

  private static void record(Map<String, Deque<Long>> counts, String client, long now) {
    Deque<Long> times = counts.computeIfAbsent(client, c -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(now);
    }
  }

  private static void tooMany(HttpServletResponse response, String message) throws IOException {
    response.setStatus(429);
    response.setHeader("Retry-After", "60");
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"status\":429,\"error\":\"Too Many Requests\",\"message\":\"" + message + "\"}");
  }
}

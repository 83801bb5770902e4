package org.gridloop.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A browser's session with a Camunda webapp, without the browser: the session cookie from
 * Camunda's login and the CSRF token its filter hands out ({@code X-XSRF-TOKEN}), as Tasklist's own
 * JavaScript sends them with each call to {@code /camunda/api/engine/...}. For tests of what a
 * logged-in user can do through the webapps' API.
 */
public final class WebappSession {

  private final String base;
  private final HttpClient http;
  private String csrfToken;

  private WebappSession(int port) {
    this.base = "http://localhost:" + port;
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Logs in to a webapp ({@code tasklist}, {@code cockpit}, {@code admin}) as Camunda's login page does. */
  public static WebappSession logIn(int port, String app, String userId, String password) {
    WebappSession session = new WebappSession(port);
    session.get("/camunda/app/" + app + "/default/");
    HttpResponse<String> login = session.send(HttpRequest.newBuilder(session.uri("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(userId) + "&password=" + encode(password))));
    if (login.statusCode() != 200) {
      throw new AssertionError("Login of " + userId + " to " + app + " failed: " + login.statusCode() + " " + login.body());
    }
    session.get("/camunda/api/admin/auth/user/default"); // a fresh token for the new session
    return session;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    if (csrfToken != null) {
      request.header("X-XSRF-TOKEN", csrfToken);
    }
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      response.headers().firstValue("X-XSRF-TOKEN").filter(t -> !t.equals("Required")).ifPresent(t -> csrfToken = t);
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

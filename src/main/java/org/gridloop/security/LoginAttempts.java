package org.gridloop.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Which login a request tries, for throttling wrong passwords per client and login: the user of
 * HTTP basic credentials (GridLoop's API, the engine REST API), the {@code username} field of the
 * webapps' login form, or of the engine REST API's {@code identity/verify}. Reading a form or JSON
 * body consumes it, so the request is then replaced by one that serves the same bytes again (its
 * size is bounded before, by {@link RequestBodyLimit}).
 *
 * @param request the request to go on with
 * @param login the login tried, lower case (logins differ by more than case), or null
 */
record LoginAttempts(HttpServletRequest request, String login) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static LoginAttempts of(HttpServletRequest request, String route) throws IOException {
    boolean post = "POST".equals(request.getMethod());
    if (post && Routes.WEBAPP_LOGIN.matcher(route).matches()) {
      ReplayedBody replayed = new ReplayedBody(request);
      return new LoginAttempts(replayed, lower(formField(replayed.text(), "username")));
    }
    if (post && Routes.VERIFY.equals(route)) {
      ReplayedBody replayed = new ReplayedBody(request);
      String login = null;
      try {
        JsonNode username = JSON.readTree(replayed.body).path("username");
        login = username.isTextual() ? username.asText() : null;
      } catch (IOException e) {
        // not JSON: the engine REST API refuses it itself
      }
      return new LoginAttempts(replayed, lower(login));
    }
    if (Routes.isApi(route) || route.startsWith("/engine-rest/")) {
      return new LoginAttempts(request, CurrentUser.Basic.of(request).map(b -> lower(b.login())).orElse(null));
    }
    return new LoginAttempts(request, null);
  }

  private static String lower(String login) {
    return login == null || login.isBlank() ? null : login.toLowerCase(Locale.ROOT);
  }

  private static String formField(String form, String name) {
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (name.equals(URLDecoder.decode(key, StandardCharsets.UTF_8))) {
        return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** A request whose body was read into memory and is served again from there. */
  static final class ReplayedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReplayedBody(HttpServletRequest request) throws IOException {
      super(request);
      this.body = request.getInputStream().readAllBytes();
    }

    String text() {
      return new String(body, charset());
    }

    private Charset charset() {
      String encoding = getCharacterEncoding();
      try {
        return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      } catch (IllegalArgumentException e) {
        return StandardCharsets.UTF_8;
      }
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream bytes = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return bytes.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return bytes.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("The body was already read");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
    }
  }
}

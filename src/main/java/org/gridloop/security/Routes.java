package org.gridloop.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * The route a request takes, as the limits see it: what the servlet container decoded and
 * normalised to map it (servlet path + path info: {@code %63} decoded, {@code ;x} path parameters
 * and {@code ..} resolved), then, to be safe whatever the container, without path parameters left
 * by a decoded {@code %3B}, without empty segments and without a trailing slash. So
 * {@code /api/%63ases}, {@code /api/cases;x}, {@code //api//cases} and {@code /api/cases/} are
 * all {@code /api/cases}, never a way around a limit.
 */
final class Routes {

  static final Pattern VOTE = Pattern.compile("/api/topics/[^/]+/votes");
  /** The webapps' login form (Tasklist, Cockpit, Admin): fields {@code username}, {@code password}. */
  static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");
  /** The engine REST API's password check for another user: JSON {@code username}, {@code password}. */
  static final String VERIFY = "/engine-rest/identity/verify";

  private Routes() {}

  static String of(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    StringBuilder route = new StringBuilder();
    for (String segment : path.split("/")) {
      int parameters = segment.indexOf(';');
      String bare = parameters >= 0 ? segment.substring(0, parameters) : segment;
      if (!bare.isEmpty()) {
        route.append('/').append(bare);
      }
    }
    return route.isEmpty() ? "/" : route.toString();
  }

  static boolean isApi(String route) {
    return route.startsWith("/api/");
  }

  static boolean isWrite(HttpServletRequest request) {
    return switch (request.getMethod()) {
      case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
      default -> true;
    };
  }
}

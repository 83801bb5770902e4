package org.gridloop.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.gridloop.org.GroupIds;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who is calling GridLoop's own API (/api/**): a staff member with HTTP basic credentials of an
 * engine user, or a browser already logged in to Tasklist/Cockpit (the webapps' session, which is
 * how the Cockpit plugins call GridLoop). Residents' public endpoints need neither.
 */
@Component
public class CurrentUser {

  /** An authenticated caller and their groups. */
  public record Caller(String userId, Set<String> groups) {
    public boolean isIn(String groupId) {
      return groups.contains(groupId) || groups.contains(GroupIds.ADMINS);
    }
  }

  /** What a request's credentials amounted to. */
  public enum Credentials {
    /** None, or none that could be a password (e.g. {@code Bearer x}, a header that is not Basic). */
    NONE,
    /** HTTP basic credentials of an engine user, or the webapps' session. */
    VALID,
    /** HTTP basic credentials with a wrong password or an unknown login. */
    REFUSED
  }

  private record Resolution(Optional<Caller> caller, Credentials credentials) {}

  private static final String RESOLVED = CurrentUser.class.getName() + ".resolved";

  private final IdentityService identity;

  public CurrentUser(IdentityService identity) {
    this.identity = identity;
  }

  public Optional<Caller> find(HttpServletRequest request) {
    return resolve(request).caller();
  }

  /**
   * Checks the request's credentials, once per request: {@link ClientRateLimit} asks first, the
   * controllers then get the same answer (a second check of a wrong password would count twice).
   */
  public Credentials credentials(HttpServletRequest request) {
    return resolve(request).credentials();
  }

  private Resolution resolve(HttpServletRequest request) {
    if (request.getAttribute(RESOLVED) instanceof Resolution resolved) {
      return resolved;
    }
    Resolution resolution = check(request);
    request.setAttribute(RESOLVED, resolution);
    return resolution;
  }

  /** The login and password of a request's HTTP basic credentials. */
  record Basic(String login, String password) {

    /** The request's basic credentials, if its Authorization header holds any (else anonymous). */
    static Optional<Basic> of(HttpServletRequest request) {
      String header = request.getHeader("Authorization");
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return Optional.empty();
      }
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      int colon = decoded.indexOf(':');
      return colon > 0 ? Optional.of(new Basic(decoded.substring(0, colon), decoded.substring(colon + 1))) : Optional.empty();
    }
  }

  private Resolution check(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      Optional<Basic> basic = Basic.of(request);
      if (basic.isEmpty()) {
        return new Resolution(Optional.empty(), Credentials.NONE);
      }
      if (identity.checkPassword(basic.get().login(), basic.get().password())) {
        return new Resolution(Optional.of(caller(basic.get().login())), Credentials.VALID);
      }
      return new Resolution(Optional.empty(), Credentials.REFUSED);
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      if (authentications != null) {
        List<UserAuthentication> users = authentications.getAuthentications();
        if (!users.isEmpty()) {
          return new Resolution(Optional.of(caller(users.get(0).getIdentityId())), Credentials.VALID);
        }
      }
    }
    return new Resolution(Optional.empty(), Credentials.NONE);
  }

  /** The caller, or 401. */
  public Caller require(HttpServletRequest request) {
    return find(request).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in: HTTP basic credentials of a GridLoop staff member"));
  }

  /** The caller if they are in one of the groups (administrators always are), else 401/403. */
  public Caller requireGroup(HttpServletRequest request, String... groupIds) {
    Caller caller = require(request);
    for (String groupId : groupIds) {
      if (caller.isIn(groupId)) {
        return caller;
      }
    }
    throw new ResponseStatusException(HttpStatus.FORBIDDEN,
        "Only members of " + String.join(", ", groupIds) + " may do this");
  }

  private Caller caller(String userId) {
    Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toUnmodifiableSet());
    return new Caller(userId, groups);
  }
}

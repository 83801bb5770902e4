package org.gridloop.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.gridloop.account.PasswordLinkRepository.Reason;
import org.gridloop.org.GroupIds;
import org.gridloop.security.AdminCredentials;
import org.gridloop.security.CurrentUser;
import org.gridloop.security.CurrentUser.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Administrators send a person a fresh link to set their password (ending any older link). */
@RestController
class PasswordLinkController {

  /** What was sent, and until when it works. */
  record SentLink(String userId, String sentTo, Date expiresAt) {}

  private final PasswordLinks links;
  private final CurrentUser currentUser;
  private final IdentityService identity;
  private final AdminCredentials admin;

  PasswordLinkController(PasswordLinks links, CurrentUser currentUser, IdentityService identity,
      AdminCredentials admin) {
    this.links = links;
    this.currentUser = currentUser;
    this.identity = identity;
    this.admin = admin;
  }

  @PostMapping("/api/admin/staff/{userId}/password-link")
  @ResponseStatus(HttpStatus.ACCEPTED)
  SentLink send(HttpServletRequest request, @PathVariable String userId) {
    Caller caller = currentUser.requireGroup(request, GroupIds.ADMINS);
    if (identity.createUserQuery().userId(userId).count() == 0) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "userId: no user '" + userId + "'");
    }
    if (userId.equals(admin.user())) {
      throw new ResponseStatusException(HttpStatus.CONFLICT,
          "userId: the administrator's password comes from GRIDLOOP_ADMIN_PASSWORD");
    }
    PasswordLinks.Sent sent = links.send(userId, Reason.ADMINISTRATOR, caller.userId())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
            "userId: '" + userId + "' has no e-mail address; set one in Camunda Admin first"));
    return new SentLink(sent.userId(), sent.email(), sent.expiresAt());
  }
}

package org.gridloop.notify;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.gridloop.org.GroupIds;
import org.gridloop.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The mail outbox for administrators: what went out, what is waiting, what failed and why. */
@RestController
@RequestMapping("/api/admin/outbox")
class OutboxController {

  static final int MAX_LIMIT = 500;

  private final OutboxRepository outbox;
  private final CurrentUser currentUser;

  OutboxController(OutboxRepository outbox, CurrentUser currentUser) {
    this.outbox = outbox;
    this.currentUser = currentUser;
  }

  /** Newest first; {@code status} one of {@link MailStatus}, {@code caseNumber} a case or topic number. */
  @GetMapping
  List<OutboxMail> list(HttpServletRequest request,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String caseNumber,
      @RequestParam(defaultValue = "50") int limit) {
    currentUser.requireGroup(request, GroupIds.ADMINS);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
    }
    MailStatus wanted = null;
    if (status != null && !status.isBlank()) {
      try {
        wanted = MailStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
            "status must be one of " + List.of(MailStatus.values()));
      }
    }
    String number = caseNumber == null || caseNumber.isBlank() ? null : caseNumber.strip();
    return outbox.search(wanted, number, limit);
  }
}

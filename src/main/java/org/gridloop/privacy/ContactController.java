package org.gridloop.privacy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridloop.casework.CaseRecords;
import org.gridloop.casework.CaseRecords.CaseRow;
import org.gridloop.org.GroupIds;
import org.gridloop.security.CurrentUser;
import org.gridloop.security.CurrentUser.Caller;
import org.gridloop.system.ApiErrors.InvalidInput;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The reporter's contact data for the staff who must call them (Tasklist's 回访联系 Contact tab,
 * {@code tasklist/scripts/gridloop-contact.js}), and the log of who looked. HTTP basic credentials
 * or the Tasklist/Cockpit session ({@link CurrentUser}).
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}")
class ContactController {

  static final int MAX_LIMIT = 500;

  private final CurrentUser currentUser;
  private final CaseRecords records;
  private final ReporterContact contact;
  private final ContactReadLog log;

  ContactController(CurrentUser currentUser, CaseRecords records, ReporterContact contact, ContactReadLog log) {
    this.currentUser = currentUser;
    this.records = records;
    this.contact = contact;
    this.log = log;
  }

  /** 200 for the call-back's holder and for a supervisor with a {@code reason}; 400 without one; 403 for others. */
  @GetMapping("/contact")
  ResponseEntity<Map<String, Object>> contact(HttpServletRequest request, @PathVariable String caseNumber,
      @RequestParam(required = false) String reason) {
    Caller caller = currentUser.require(request);
    ReporterContact.Shown shown = contact.read(caller, find(caseNumber), reason);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("caseNumber", shown.caseNumber());
    body.put("name", shown.name());
    body.put("phone", shown.phone());
    body.put("email", shown.email());
    body.put("basis", shown.basis().name());
    body.put("readAt", shown.readAt());
    body.put("logged", true);
    // Personal data: no browser or proxy keeps a copy.
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  /** Who looked at this case's contact data, newest first: supervisors and administrators. */
  @GetMapping("/contact-reads")
  List<ContactReadLog.Entry> reads(HttpServletRequest request, @PathVariable String caseNumber,
      @RequestParam(defaultValue = "100") int limit) {
    currentUser.requireGroup(request, GroupIds.SUPERVISORS);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInput("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return log.of(find(caseNumber).caseNumber(), limit);
  }

  private CaseRow find(String caseNumber) {
    return records.find(caseNumber).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseNumber));
  }
}

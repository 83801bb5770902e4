package org.gridloop.casework;

import org.gridloop.notify.MailService;
import org.springframework.stereotype.Component;

/** The links residents and staff get in mails, on GridLoop's public base URL. */
@Component
public class CaseLinks {

  private final MailService mail;

  public CaseLinks(MailService mail) {
    this.mail = mail;
  }

  /** The public progress of the case (no address, description or reporter). */
  public String status(String caseNumber) {
    return mail.link("/api/cases/" + caseNumber);
  }

  /** The reporter's own view of the case: the token opens the address and description too. */
  public String status(String caseNumber, String token) {
    return mail.link("/api/cases/" + caseNumber + "?token=" + token);
  }

  /** Where the resident posts the rating; the token proves it is theirs. */
  public String rating(String caseNumber, String token) {
    return mail.link("/api/cases/" + caseNumber + "/rating?token=" + token);
  }

  public String tasklist() {
    return mail.link("/camunda/app/tasklist/");
  }

  public String cockpit(String processInstanceId) {
    return mail.link("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId);
  }
}

package org.gridloop.casework;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The links residents and staff get in mails, from the public base URL. */
@Component
public class CaseLinks {

  private final String base;

  public CaseLinks(@Value("${gridloop.public-url:http://localhost:8080}") String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  public String status(String caseNumber) {
    return base + "/api/cases/" + caseNumber;
  }

  /** Where the resident posts the rating; the token proves it is theirs. */
  public String rating(String caseNumber, String token) {
    return base + "/api/cases/" + caseNumber + "/rating?token=" + token;
  }

  public String tasklist() {
    return base + "/camunda/app/tasklist/";
  }

  public String cockpit(String processInstanceId) {
    return base + "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId;
  }
}

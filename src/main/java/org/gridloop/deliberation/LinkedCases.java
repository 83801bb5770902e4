package org.gridloop.deliberation;

import org.gridloop.casework.CaseRecords;
import org.gridloop.casework.CaseStatus;
import org.gridloop.deploy.PublishedToModels;
import org.springframework.stereotype.Component;

/**
 * What became of a plan item's linked grid-call case, for the four-affairs model's gateway
 * {@code ${linkedCases.rejected(linkedCaseNumber)}}: the flow decision stays in the model.
 */
@PublishedToModels
@Component("linkedCases")
public class LinkedCases {

  private final CaseRecords cases;

  public LinkedCases(CaseRecords cases) {
    this.cases = cases;
  }

  /** Whether the street rejected the case as invalid (it then comes back to the council). */
  @PublishedToModels
  public boolean rejected(String caseNumber) {
    return cases.find(caseNumber).map(c -> CaseStatus.REJECTED.equals(c.status())).orElse(false);
  }
}

package org.gridloop.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridloop.casework.CaseRecords;
import org.gridloop.casework.CaseRecords.CaseRow;
import org.gridloop.casework.CaseRecords.StepRow;
import org.gridloop.casework.CategoryCatalogue;
import org.gridloop.casework.Masking;
import org.gridloop.org.GroupNames;
import org.gridloop.publicboard.PublicCaseView;
import org.springframework.stereotype.Component;

/**
 * The case page, {@code GET /api/cases/{caseNumber}}. With the reporter's token, their own view: the
 * timeline of steps and events, the unit in charge, deadlines and outcome, where and what, their own
 * data masked, no staff names. Without it, the public view every public page shows ({@link PublicCaseView}).
 */
@Component
public class CaseStatusView {

  private final CaseRecords records;
  private final CategoryCatalogue categories;
  private final GroupNames groupNames;
  private final PublicCaseView publicView;

  public CaseStatusView(CaseRecords records, CategoryCatalogue categories, GroupNames groupNames,
      PublicCaseView publicView) {
    this.records = records;
    this.categories = categories;
    this.groupNames = groupNames;
    this.publicView = publicView;
  }

  /** @param reporterView the reporter's own view (token given); otherwise the public view */
  public Map<String, Object> of(CaseRow row, boolean reporterView) {
    if (!reporterView) {
      return publicView.of(row);
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("caseNumber", row.caseNumber());
    view.put("status", row.status());
    view.put("level", row.level());
    view.put("category", categories.find(row.category())
        .map(c -> Map.of("code", c.code(), "nameZh", c.nameZh(), "nameEn", c.nameEn(), "group", c.group()))
        .orElse(Map.of("code", row.category())));
    view.put("urgency", row.urgency());
    view.put("gridId", row.gridId());
    view.put("streetId", row.streetId());
    view.put("channel", row.channel());
    view.put("address", row.address());
    view.put("description", row.description());
    Map<String, Object> reporter = new LinkedHashMap<>();
    reporter.put("name", Masking.name(row.reporterName()));
    reporter.put("phone", Masking.phone(row.reporterPhone()));
    reporter.put("email", Masking.email(row.reporterEmail()));
    view.put("reporter", reporter);
    view.put("reportedAt", row.createdAt());
    view.put("closedAt", row.closedAt());
    view.put("escalated", row.escalated());
    view.put("reopenCount", row.reopenCount());
    view.put("outcome", row.outcome());
    view.put("rating", row.rating());
    List<Map<String, Object>> steps = new ArrayList<>();
    Map<String, Object> current = null;
    for (StepRow step : records.steps(row.caseNumber())) {
      Map<String, Object> s = PublicCaseView.step(step, groupNames.of(step.unitGroup()));
      s.put("outcome", step.outcome());
      steps.add(s);
      if (step.endedAt() == null) {
        current = s;
      }
    }
    view.put("current", current);
    view.put("steps", steps);
    List<Map<String, Object>> events = new ArrayList<>();
    records.events(row.caseNumber()).stream().filter(CaseRecords.EventRow::publicNote).forEach(e -> {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("at", e.at());
      event.put("kind", e.kind());
      event.put("unit", groupNames.of(e.unitGroup()));
      event.put("detail", e.detail());
      events.add(event);
    });
    view.put("events", events);
    return view;
  }
}

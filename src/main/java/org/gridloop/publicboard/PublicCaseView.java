package org.gridloop.publicboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridloop.casework.CaseRecords;
import org.gridloop.casework.CaseRecords.CaseRow;
import org.gridloop.casework.CaseRecords.EventRow;
import org.gridloop.casework.CaseRecords.StepRow;
import org.gridloop.casework.CaseTaskRecorder;
import org.gridloop.casework.CategoryCatalogue;
import org.gridloop.casework.CategoryCatalogue.Category;
import org.gridloop.org.Organisation.GridLocation;
import org.gridloop.sla.SlaNames;
import org.springframework.stereotype.Component;

/**
 * A case as the public sees it: the case page without the reporter's token, and the public board
 * and Open311 after it. One rule for all of them:
 * <ul>
 *   <li>a public-space category: category, status, the units and their steps, dates, the location
 *       of the problem and the notes staff wrote for the public ({@code publicNote});
 *   <li>a sensitive category (about a person, {@code sensitive} in case-routing.dmn) or one no
 *       longer in the table: the category group, status and dates only.
 * </ul>
 * Never any resident free text (description, rating comment), no staff text but the public notes
 * (no results, instructions, reasons, outcomes), nothing of the reporter and no staff names.
 */
@Component
public class PublicCaseView {

  /** What each timeline event says in public: a fixed label, never the event's own text. */
  private static final Map<String, String> EVENT_LABELS = Map.ofEntries(
      Map.entry("accepted", "已受理 Accepted"),
      Map.entry("stepChanged", "办理环节变更 Next step"),
      Map.entry("rejected", "不予受理 Rejected"),
      Map.entry("resolved", "已办理，待居民评价 Handled, awaiting the resident's rating"),
      Map.entry("reopened", "重办 Reopened"),
      Map.entry("closed", "已办结 Closed"),
      Map.entry("linkedToTopic", "四事四共议题实施事项 Plan item of a four-affairs topic"),
      Map.entry(CaseTaskRecorder.PUBLIC_NOTE, "进展说明 Public note"));

  private final CaseRecords records;
  private final CategoryCatalogue categories;
  private final SlaNames names;

  public PublicCaseView(CaseRecords records, CategoryCatalogue categories, SlaNames names) {
    this.records = records;
    this.categories = categories;
    this.names = names;
  }

  public Map<String, Object> of(CaseRow row) {
    Optional<Category> category = categories.find(row.category());
    boolean sensitive = category.map(Category::sensitive).orElse(true);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("caseNumber", row.caseNumber());
    view.put("sensitive", sensitive);
    Map<String, Object> shownCategory = new LinkedHashMap<>();
    if (!sensitive) {
      shownCategory.put("code", row.category());
      shownCategory.put("nameZh", category.get().nameZh());
      shownCategory.put("nameEn", category.get().nameEn());
    }
    shownCategory.put("group", category.map(Category::group).orElse(null));
    shownCategory.put("groupNameZh", category.map(Category::groupNameZh).orElse(null));
    shownCategory.put("groupNameEn", category.map(Category::groupNameEn).orElse(null));
    view.put("category", shownCategory);
    view.put("status", row.status());
    view.put("reportedAt", row.createdAt());
    view.put("closedAt", row.closedAt());
    if (sensitive) {
      return view;
    }
    view.put("level", row.level());
    view.put("location", location(row));
    List<Map<String, Object>> steps = new ArrayList<>();
    Set<String> units = new LinkedHashSet<>();
    Map<String, Object> current = null;
    for (StepRow step : records.steps(row.caseNumber())) {
      Map<String, Object> s = step(step, names.unit(step.unitGroup()));
      steps.add(s);
      if (step.unitGroup() != null) {
        units.add(names.unit(step.unitGroup()));
      }
      if (step.endedAt() == null) {
        current = s;
      }
    }
    view.put("units", List.copyOf(units));
    view.put("current", current);
    view.put("steps", steps);
    view.put("events", events(row));
    return view;
  }

  private Map<String, Object> location(CaseRow row) {
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("address", row.address());
    Optional<GridLocation> grid = names.organisation().locateGrid(row.gridId());
    location.put("grid", unit(row.gridId(), grid.map(g -> g.grid().name() + " " + g.grid().nameEn())));
    location.put("community", unit(row.communityId(), grid.map(g -> g.community().name() + " " + g.community().nameEn())));
    location.put("street", unit(row.streetId(), grid.map(g -> g.street().name() + " " + g.street().nameEn())));
    return location;
  }

  private static Map<String, Object> unit(String id, Optional<String> name) {
    Map<String, Object> unit = new LinkedHashMap<>();
    unit.put("id", id);
    unit.put("name", name.orElse(id));
    return unit;
  }

  private List<Map<String, Object>> events(CaseRow row) {
    List<Map<String, Object>> events = new ArrayList<>();
    for (EventRow e : records.events(row.caseNumber())) {
      if (!e.publicNote()) {
        continue;
      }
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("at", e.at());
      event.put("kind", e.kind());
      event.put("label", EVENT_LABELS.getOrDefault(e.kind(), names.kind(e.kind())));
      event.put("unit", names.unit(e.unitGroup()));
      if (CaseTaskRecorder.PUBLIC_NOTE.equals(e.kind())) {
        event.put("note", e.detail());
      }
      events.add(event);
    }
    return events;
  }

  /** One step of a case's timeline as every view shows it: what, which unit, from when, due, until when. */
  public static Map<String, Object> step(StepRow step, String unitName) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("step", step.step());
    s.put("name", step.stepName());
    s.put("level", step.level());
    s.put("unit", unitName);
    s.put("startedAt", step.startedAt());
    s.put("deadline", step.dueAt());
    s.put("endedAt", step.endedAt());
    s.put("onTime", step.onTime());
    return s;
  }
}

package org.gridloop.sla;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridloop.org.GroupIds;
import org.gridloop.org.Organisation;
import org.springframework.stereotype.Component;

/**
 * Display names for the SLA views, from the organisation directory (no identity look-up per row):
 * levels, streets, departments, unit groups and escalation kinds, Chinese first, then English.
 */
@Component
public class SlaNames {

  /** The levels of the grid-call loop, in escalation order. */
  public static final List<String> LEVELS = List.of("grid", "street", "department", "district");

  private static final Map<String, String> LEVEL_LABELS = Map.of(
      "grid", "网格 Grid",
      "street", "镇街 Street",
      "department", "部门 Department",
      "district", "区级督办 District");

  private static final Map<String, String> KIND_LABELS = Map.of(
      "gridOverdue", "网格处置超时 Grid overdue",
      "streetOverdue", "镇街办理超时 Street overdue",
      "reportInOverdue", "部门报到超时 Report-in overdue",
      "departmentOverdue", "部门处置超时 Department overdue");

  private final Organisation organisation;
  private final Map<String, String> unitNames = new LinkedHashMap<>();

  public SlaNames(Organisation organisation) {
    this.organisation = organisation;
    organisation.grids().forEach(g -> unitNames.put(GroupIds.grid(g.id()), g.name() + " " + g.nameEn()));
    organisation.streets().forEach(s -> unitNames.put(GroupIds.street(s.id()), s.name() + " " + s.nameEn()));
    organisation.departments().forEach(d ->
        unitNames.put(GroupIds.department(d.code()), d.name() + " " + d.nameEn()));
    unitNames.put(GroupIds.SUPERVISORS, "区级督办 District supervisors");
  }

  public Organisation organisation() {
    return organisation;
  }

  public String level(String level) {
    return LEVEL_LABELS.getOrDefault(level, level);
  }

  public String kind(String kind) {
    return KIND_LABELS.getOrDefault(kind, kind);
  }

  /** The name of a unit group (grid-…, street-…, dept-…, supervisors); the id itself when unknown. */
  public String unit(String groupId) {
    return groupId == null ? null : unitNames.getOrDefault(groupId, groupId);
  }
}

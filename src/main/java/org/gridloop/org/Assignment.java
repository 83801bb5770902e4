package org.gridloop.org;

import org.gridloop.deploy.PublishedToModels;
import org.springframework.stereotype.Component;

/**
 * Candidate groups for user tasks, called from BPMN expressions such as
 * {@code camunda:candidateGroups="${assignment.gridGroup(gridId)}"}. Unknown units fail the
 * step loudly (an incident in Cockpit) instead of creating a task nobody can see.
 */
@PublishedToModels
@Component("assignment")
public class Assignment {

  private final Organisation organisation;

  public Assignment(Organisation organisation) {
    this.organisation = organisation;
  }

  @PublishedToModels
  public String gridGroup(String gridId) {
    organisation.locateGrid(gridId).orElseThrow(() -> unknown("grid", gridId));
    return GroupIds.grid(gridId);
  }

  @PublishedToModels
  public String streetGroup(String streetId) {
    organisation.streets().stream().filter(s -> s.id().equals(streetId)).findFirst()
        .orElseThrow(() -> unknown("street", streetId));
    return GroupIds.street(streetId);
  }

  @PublishedToModels
  public String departmentGroup(String code) {
    organisation.department(code).orElseThrow(() -> unknown("department", code));
    return GroupIds.department(code);
  }

  @PublishedToModels
  public String councilGroup(String unitId) {
    if (!organisation.councilUnits().containsKey(unitId)) {
      throw unknown("council unit", unitId);
    }
    return GroupIds.council(unitId);
  }

  private static IllegalArgumentException unknown(String kind, String id) {
    return new IllegalArgumentException("Unknown " + kind + " '" + id + "' in the organisation directory");
  }
}

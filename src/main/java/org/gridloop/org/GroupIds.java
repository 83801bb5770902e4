package org.gridloop.org;

/**
 * The Camunda group ids GridLoop derives from the organisation. Stable: BPMN candidate groups,
 * Tasklist filters and authorizations refer to them.
 */
public final class GroupIds {

  public static final String SUPERVISORS = "supervisors";
  public static final String PROCESS_OWNERS = "process-owners";
  /** Every staff member: gives Tasklist access and lets colleagues see each other's names. */
  public static final String STAFF = "staff";
  /** Camunda's own administrators group (full rights, Admin webapp). */
  public static final String ADMINS = "camunda-admin";

  static final String GRID_PREFIX = "grid-";
  static final String STREET_PREFIX = "street-";
  static final String DEPARTMENT_PREFIX = "dept-";
  static final String COUNCIL_PREFIX = "council-";

  private GroupIds() {}

  public static String grid(String gridId) {
    return GRID_PREFIX + gridId;
  }

  public static String street(String streetId) {
    return STREET_PREFIX + streetId;
  }

  public static String department(String code) {
    return DEPARTMENT_PREFIX + code;
  }

  /** The council (议事会) of a street, community or compound. */
  public static String council(String unitId) {
    return COUNCIL_PREFIX + unitId;
  }
}

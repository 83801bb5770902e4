package org.gridloop.org;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The organisation directory: district → streets → communities → grids (with their compounds),
 * the functional departments and the staff with their roles. Read from the organisation file
 * by {@link OrganisationFileReader}; immutable.
 */
public record Organisation(
    Unit district, List<Street> streets, List<Department> departments, List<Staff> staff) {

  /** A named unit: Chinese name first, English after. */
  public record Unit(String id, String name, String nameEn) {}

  public record Street(String id, String name, String nameEn, List<Community> communities) {}

  public record Community(String id, String name, String nameEn, List<Grid> grids) {}

  public record Grid(String id, String name, String nameEn, List<Unit> compounds) {}

  public record Department(String code, String name, String nameEn) {}

  public record Staff(String id, String name, String nameEn, String email, String phone, List<Role> roles) {}

  /** A role held by a staff member, with the unit it applies to (none for district-wide roles). */
  public record Role(RoleType type, String unit) {}

  public enum RoleType {
    gridWorker, streetDispatcher, departmentStaff, councilSecretary, supervisor, processOwner, admin;

    /** Whether this role belongs to one unit of the directory. */
    public boolean needsUnit() {
      return this == gridWorker || this == streetDispatcher || this == departmentStaff || this == councilSecretary;
    }
  }

  /** Where a grid sits: the grid, its community and its street. */
  public record GridLocation(Grid grid, Community community, Street street) {}

  public Stream<Community> communities() {
    return streets.stream().flatMap(s -> s.communities().stream());
  }

  public Stream<Grid> grids() {
    return communities().flatMap(c -> c.grids().stream());
  }

  public Stream<Unit> compounds() {
    return grids().flatMap(g -> g.compounds().stream());
  }

  public Optional<GridLocation> locateGrid(String gridId) {
    for (Street street : streets) {
      for (Community community : street.communities()) {
        for (Grid grid : community.grids()) {
          if (grid.id().equals(gridId)) {
            return Optional.of(new GridLocation(grid, community, street));
          }
        }
      }
    }
    return Optional.empty();
  }

  public Optional<Department> department(String code) {
    return departments.stream().filter(d -> d.code().equals(code)).findFirst();
  }

  public Optional<Staff> staffMember(String id) {
    return staff.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** Every unit a council may sit at (street, community, compound), by id, with its display name. */
  public Map<String, Unit> councilUnits() {
    Map<String, Unit> units = new LinkedHashMap<>();
    for (Street street : streets) {
      units.put(street.id(), new Unit(street.id(), street.name(), street.nameEn()));
      for (Community community : street.communities()) {
        units.put(community.id(), new Unit(community.id(), community.name(), community.nameEn()));
        for (Grid grid : community.grids()) {
          grid.compounds().forEach(compound -> units.put(compound.id(), compound));
        }
      }
    }
    return units;
  }
}

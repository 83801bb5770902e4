package org.gridloop.deliberation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridloop.org.Organisation;
import org.gridloop.org.Organisation.Community;
import org.gridloop.org.Organisation.Grid;
import org.gridloop.org.Organisation.GridLocation;
import org.gridloop.org.Organisation.Street;
import org.springframework.stereotype.Component;

/**
 * Who a topic concerns: the scope of a level in the organisation directory, its compounds, and
 * the units of those compounds in the owners register (the electorate of its votes).
 *
 * <p>A compound topic is voted on by the owners of that compound; a community or street topic by
 * the owners of every registered compound within it. GridLoop has no residents' register: for
 * residents' matters (basis {@code residents}) the households of the owners register are the
 * voters too, one vote each, counted by headcount only.
 */
@Component
public class Electorate {

  /** A scope of the directory: its id, display name and the grid that stands for it on the ground. */
  public record Scope(TopicLevel level, String id, String name, String nameEn, List<String> compoundIds,
      GridLocation grid) {
  }

  private final Organisation organisation;
  private final OwnersRegister register;

  public Electorate(Organisation organisation, OwnersRegister register) {
    this.organisation = organisation;
    this.register = register;
  }

  /** The scope with this id at this level, if the directory has it. */
  public Optional<Scope> scope(TopicLevel level, String scopeId) {
    if (scopeId == null) {
      return Optional.empty();
    }
    for (Street street : organisation.streets()) {
      if (level == TopicLevel.street && street.id().equals(scopeId)) {
        List<String> compounds = new ArrayList<>();
        street.communities().forEach(c -> compounds.addAll(compoundsOf(c)));
        return firstGrid(street, null).map(grid ->
            new Scope(level, street.id(), street.name(), street.nameEn(), compounds, grid));
      }
      for (Community community : street.communities()) {
        if (level == TopicLevel.community && community.id().equals(scopeId)) {
          return firstGrid(street, community).map(grid -> new Scope(level, community.id(), community.name(),
              community.nameEn(), compoundsOf(community), grid));
        }
        for (Grid grid : community.grids()) {
          for (Organisation.Unit compound : grid.compounds()) {
            if (level == TopicLevel.compound && compound.id().equals(scopeId)) {
              return Optional.of(new Scope(level, compound.id(), compound.name(), compound.nameEn(),
                  List.of(compound.id()), new GridLocation(grid, community, street)));
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The units of the scope's compounds in the owners register, in register order. */
  public List<OwnersRegister.Unit> units(Scope scope) {
    List<OwnersRegister.Unit> units = new ArrayList<>();
    for (String compoundId : scope.compoundIds()) {
      register.compound(compoundId).ifPresent(compound -> units.addAll(compound.units()));
    }
    return units;
  }

  /** The owner's e-mail address from the register, if any. */
  public Optional<String> email(String ownerId) {
    return register.owner(ownerId).map(OwnersRegister.Owner::email).filter(e -> !e.isBlank());
  }

  private static List<String> compoundsOf(Community community) {
    return community.grids().stream().flatMap(g -> g.compounds().stream()).map(Organisation.Unit::id).toList();
  }

  private static Optional<GridLocation> firstGrid(Street street, Community only) {
    for (Community community : street.communities()) {
      if (only != null && community != only) {
        continue;
      }
      for (Grid grid : community.grids()) {
        return Optional.of(new GridLocation(grid, community, street));
      }
    }
    return Optional.empty();
  }
}

package org.gridloop.deliberation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * 业主名册: the owners register of each compound (小区), the electorate of owners' decisions
 * under art. 278 of the Civil Code.
 *
 * <p>A unit (专有部分) has one owner and an exclusive floor area in m² with at most two
 * decimals. Headcount is one per owner id, so an owner of several units counts once, and the
 * developer's unsold units, registered under one owner id, together count as one owner.
 * Owner ids are unique across the whole register: an owner belongs to one compound.
 */
public final class OwnersRegister {

  /**
   * One unit of a compound.
   *
   * @param area exclusive floor area in m², two decimals (scale 2)
   */
  public record Unit(String unitId, String ownerId, String ownerName, String email, BigDecimal area) {

    public Unit {
      requireText(unitId, "unitId", "a unit");
      requireText(ownerId, "ownerId", "unit " + unitId);
      requireText(ownerName, "ownerName", "unit " + unitId);
      if (area == null) {
        throw new IllegalArgumentException("unit " + unitId + ": area is missing");
      }
      if (area.signum() <= 0) {
        throw new IllegalArgumentException("unit " + unitId + ": area must be above 0 m², was " + area);
      }
      try {
        area = area.setScale(2);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(
            "unit " + unitId + ": area has more than two decimals: " + area.toPlainString(), e);
      }
    }

    /** The area in hundredths of m², the unit the tally counts in. */
    public long areaHundredths() {
      return area.unscaledValue().longValueExact();
    }
  }

  /** An owner with their units in one compound. */
  public record Owner(String ownerId, String ownerName, String email, String compoundId, List<Unit> units) {

    public Owner {
      units = List.copyOf(units);
    }

    /** The owner's total exclusive floor area in the compound. */
    public BigDecimal area() {
      return units.stream().map(Unit::area).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
  }

  /** A compound and its units. */
  public record Compound(String compoundId, String name, List<Unit> units) {

    public Compound {
      requireText(compoundId, "id", "a compound");
      units = List.copyOf(units == null ? List.of() : units);
      if (units.isEmpty()) {
        throw new IllegalArgumentException("compound " + compoundId + ": has no units");
      }
    }
  }

  private final Map<String, Compound> compounds;
  private final Map<String, Owner> owners;

  private OwnersRegister(Map<String, Compound> compounds, Map<String, Owner> owners) {
    this.compounds = compounds;
    this.owners = owners;
  }

  /**
   * Builds a register and checks it: compound ids unique, unit ids unique within a compound,
   * every owner id in one compound only, and one name and e-mail per owner id.
   *
   * @throws IllegalArgumentException naming the first offending entry
   */
  public static OwnersRegister of(Collection<Compound> compounds) {
    Map<String, Compound> byId = new LinkedHashMap<>();
    Map<String, Owner> owners = new LinkedHashMap<>();
    Map<String, List<Unit>> unitsByOwner = new LinkedHashMap<>();
    Map<String, String> compoundOfOwner = new HashMap<>();
    for (Compound compound : compounds) {
      if (byId.putIfAbsent(compound.compoundId(), compound) != null) {
        throw new IllegalArgumentException("compound " + compound.compoundId() + ": duplicate compound id");
      }
      Set<String> unitIds = new HashSet<>();
      for (Unit unit : compound.units()) {
        String where = "compound " + compound.compoundId() + ", unit " + unit.unitId();
        if (!unitIds.add(unit.unitId())) {
          throw new IllegalArgumentException(where + ": duplicate unit id");
        }
        String otherCompound = compoundOfOwner.putIfAbsent(unit.ownerId(), compound.compoundId());
        if (otherCompound != null && !otherCompound.equals(compound.compoundId())) {
          throw new IllegalArgumentException(where + ": owner id " + unit.ownerId()
              + " is already used in compound " + otherCompound);
        }
        List<Unit> ownerUnits = unitsByOwner.computeIfAbsent(unit.ownerId(), id -> new ArrayList<>());
        if (!ownerUnits.isEmpty()) {
          Unit first = ownerUnits.get(0);
          if (!first.ownerName().equals(unit.ownerName()) || !Objects.equals(first.email(), unit.email())) {
            throw new IllegalArgumentException(where + ": owner " + unit.ownerId()
                + " has another name or e-mail on unit " + first.unitId());
          }
        }
        ownerUnits.add(unit);
      }
    }
    unitsByOwner.forEach((ownerId, units) -> {
      Unit first = units.get(0);
      owners.put(ownerId, new Owner(ownerId, first.ownerName(), first.email(), compoundOfOwner.get(ownerId), units));
    });
    return new OwnersRegister(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(owners));
  }

  public Set<String> compoundIds() {
    return compounds.keySet();
  }

  public Optional<Compound> compound(String compoundId) {
    return Optional.ofNullable(compounds.get(compoundId));
  }

  /**
   * The units of a compound: the electorate of an owners' decision in it.
   *
   * @throws IllegalArgumentException if the register has no such compound
   */
  public List<Unit> units(String compoundId) {
    Compound compound = compounds.get(compoundId);
    if (compound == null) {
      throw new IllegalArgumentException("the owners register has no compound " + compoundId);
    }
    return compound.units();
  }

  /** The owner with this id, in whichever compound. */
  public Optional<Owner> owner(String ownerId) {
    return Optional.ofNullable(owners.get(ownerId));
  }

  /** The owner with this id if they own a unit in this compound: who may vote there. */
  public Optional<Owner> owner(String compoundId, String ownerId) {
    return owner(ownerId).filter(owner -> owner.compoundId().equals(compoundId));
  }

  /** The owners of a compound, in register order. */
  public List<Owner> owners(String compoundId) {
    units(compoundId);
    return owners.values().stream().filter(owner -> owner.compoundId().equals(compoundId)).toList();
  }

  private static void requireText(String value, String field, String where) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(where + ": " + field + " is missing");
    }
  }
}

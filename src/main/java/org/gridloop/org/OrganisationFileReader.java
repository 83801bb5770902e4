package org.gridloop.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gridloop.org.Organisation.Community;
import org.gridloop.org.Organisation.Department;
import org.gridloop.org.Organisation.Grid;
import org.gridloop.org.Organisation.Role;
import org.gridloop.org.Organisation.RoleType;
import org.gridloop.org.Organisation.Staff;
import org.gridloop.org.Organisation.Street;
import org.gridloop.org.Organisation.Unit;

/**
 * Reads and checks the organisation file (YAML, format in the README). The first fault stops the
 * read with one message naming the entry, e.g. {@code staff[3] (id=liqiang): unknown grid 'x'}.
 */
public class OrganisationFileReader {

  /** Ids become Camunda user and group ids and URL parts: keep them plain. */
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  public Organisation read(InputStream in, String source) {
    JsonNode root;
    try {
      root = yaml.readTree(in);
    } catch (IOException e) {
      throw new InvalidOrganisationException(source + ": not readable YAML: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidOrganisationException(source + ": empty or not a mapping");
    }
    return new Parse(source).organisation(root);
  }

  /** One read: keeps the ids seen so far to catch duplicates and dangling references. */
  private final class Parse {
    private final String source;
    private final Map<String, String> unitKinds = new HashMap<>();

    Parse(String source) {
      this.source = source;
    }

    Organisation organisation(JsonNode root) {
      Unit district = unit(object(root, "district", "district"), "district", "district");
      List<Street> streets = new ArrayList<>();
      each(root, "streets", "", (node, where) -> streets.add(street(node, where)));
      List<Department> departments = new ArrayList<>();
      each(root, "departments", "", (node, where) -> departments.add(department(node, where)));
      List<Staff> staff = new ArrayList<>();
      Map<String, String> staffIds = new HashMap<>();
      each(root, "staff", "", (node, where) -> {
        Staff member = staffMember(node, where);
        if (staffIds.put(member.id(), where) != null) {
          throw fault(where, "duplicate staff id '" + member.id() + "'");
        }
        staff.add(member);
      });
      return new Organisation(district, List.copyOf(streets), List.copyOf(departments), List.copyOf(staff));
    }

    Street street(JsonNode node, String where) {
      Unit unit = unit(node, where, "street");
      List<Community> communities = new ArrayList<>();
      each(node, "communities", where + ".", (c, w) -> communities.add(community(c, w)));
      return new Street(unit.id(), unit.name(), unit.nameEn(), List.copyOf(communities));
    }

    Community community(JsonNode node, String where) {
      Unit unit = unit(node, where, "community");
      List<Grid> grids = new ArrayList<>();
      each(node, "grids", where + ".", (g, w) -> grids.add(grid(g, w)));
      return new Community(unit.id(), unit.name(), unit.nameEn(), List.copyOf(grids));
    }

    Grid grid(JsonNode node, String where) {
      Unit unit = unit(node, where, "grid");
      List<Unit> compounds = new ArrayList<>();
      if (node.has("compounds")) {
        each(node, "compounds", where + ".", (c, w) -> compounds.add(unit(c, w, "compound")));
      }
      return new Grid(unit.id(), unit.name(), unit.nameEn(), List.copyOf(compounds));
    }

    Department department(JsonNode node, String where) {
      String code = id(node, "code", where, "department");
      return new Department(code, text(node, "name", where), text(node, "nameEn", where));
    }

    Staff staffMember(JsonNode node, String where) {
      String id = text(node, "id", where);
      String at = where + " (id=" + id + ")";
      if (!ID.matcher(id).matches()) {
        throw fault(at, "id must be lowercase letters, digits, '.', '_' or '-'");
      }
      String email = text(node, "email", at);
      if (!EMAIL.matcher(email).matches()) {
        throw fault(at, "malformed email '" + email + "'");
      }
      String phone = node.hasNonNull("phone") ? node.get("phone").asText() : null;
      List<Role> roles = new ArrayList<>();
      each(node, "roles", at + ".", (r, w) -> roles.add(role(r, w)));
      if (roles.isEmpty()) {
        throw fault(at, "missing field 'roles'");
      }
      return new Staff(id, text(node, "name", at), text(node, "nameEn", at), email, phone, List.copyOf(roles));
    }

    Role role(JsonNode node, String where) {
      String name = text(node, "role", where);
      RoleType type;
      try {
        type = RoleType.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw fault(where, "unknown role '" + name + "'");
      }
      if (!type.needsUnit()) {
        return new Role(type, null);
      }
      String unit = text(node, "unit", where);
      String expected = switch (type) {
        case gridWorker -> "grid";
        case streetDispatcher -> "street";
        case departmentStaff -> "department";
        default -> "council";
      };
      String kind = unitKinds.get(unit);
      boolean fits = "council".equals(expected)
          ? "street".equals(kind) || "community".equals(kind) || "compound".equals(kind)
          : expected.equals(kind);
      if (!fits) {
        throw fault(where, "unknown " + expected + " '" + unit + "' for role " + name);
      }
      return new Role(type, unit);
    }

    Unit unit(JsonNode node, String where, String kind) {
      String id = id(node, "id", where, kind);
      return new Unit(id, text(node, "name", where), text(node, "nameEn", where));
    }

    /** Reads an id and registers it: ids are unique across every kind of unit. */
    String id(JsonNode node, String field, String where, String kind) {
      String id = text(node, field, where);
      String at = where + " (" + field + "=" + id + ")";
      if (!ID.matcher(id).matches()) {
        throw fault(at, field + " must be lowercase letters, digits, '.', '_' or '-'");
      }
      String earlier = unitKinds.putIfAbsent(id, kind);
      if (earlier != null) {
        throw fault(at, "duplicate id '" + id + "' (already a " + earlier + ")");
      }
      return id;
    }

    String text(JsonNode node, String field, String where) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull() || value.asText().isBlank()) {
        throw fault(where, "missing field '" + field + "'");
      }
      return value.asText().trim();
    }

    JsonNode object(JsonNode node, String field, String where) {
      JsonNode value = node.get(field);
      if (value == null || !value.isObject()) {
        throw fault(where, "missing field '" + field + "'");
      }
      return value;
    }

    void each(JsonNode node, String field, String prefix, Entry entry) {
      JsonNode list = node.get(field);
      String where = prefix + field;
      if (list == null || !list.isArray() || list.isEmpty()) {
        throw fault(prefix.isEmpty() ? "top level" : prefix.substring(0, prefix.length() - 1),
            "missing field '" + field + "' (a non-empty list)");
      }
      for (int i = 0; i < list.size(); i++) {
        entry.accept(list.get(i), where + "[" + i + "]");
      }
    }

    InvalidOrganisationException fault(String where, String what) {
      return new InvalidOrganisationException("Invalid organisation file " + source + ": " + where + ": " + what);
    }
  }

  @FunctionalInterface
  private interface Entry {
    void accept(JsonNode node, String where);
  }
}

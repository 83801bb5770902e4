package org.gridloop.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.gridloop.org.Organisation.RoleType;
import org.junit.jupiter.api.Test;

class OrganisationFileReaderTests {

  private final OrganisationFileReader reader = new OrganisationFileReader();

  private static final String VALID = """
      district: { id: d1, name: 某区, nameEn: Some District }
      streets:
        - id: s1
          name: 一街道
          nameEn: Street One
          communities:
            - id: c1
              name: 一社区
              nameEn: Community One
              grids:
                - id: g1
                  name: 一网格
                  nameEn: Grid One
                  compounds: [ { id: k1, name: 一小区, nameEn: Compound One } ]
      departments:
        - { code: urban, name: 城管, nameEn: Urban management }
      staff:
        - { id: a, name: 甲, nameEn: Jia, email: a@gridloop.example, roles: [ { role: gridWorker, unit: g1 } ] }
      """;

  @Test
  void theDemoOrganisationHasADistrictItsStreetsCommunitiesGridsDepartmentsAndStaff() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/demo/organisation.yaml")) {
      Organisation org = reader.read(in, "demo");
      assertThat(org.district().name()).isEqualTo("锦江区");
      assertThat(org.streets()).hasSizeGreaterThanOrEqualTo(2);
      assertThat(org.communities()).hasSizeGreaterThanOrEqualTo(4);
      assertThat(org.grids()).hasSizeGreaterThanOrEqualTo(8);
      assertThat(org.departments()).hasSizeGreaterThanOrEqualTo(6);
      assertThat(org.staff()).hasSizeGreaterThanOrEqualTo(20);
      assertThat(org.staff()).allMatch(s -> s.email().endsWith("@gridloop.example"));
      for (RoleType role : RoleType.values()) {
        if (role != RoleType.admin) {
          assertThat(org.staff()).as("someone is a %s", role)
              .anyMatch(s -> s.roles().stream().anyMatch(r -> r.type() == role));
        }
      }
      assertThat(org.locateGrid("cx-hongxing-g1")).get()
          .satisfies(at -> assertThat(at.street().id()).isEqualTo("chunxi"));
    }
  }

  @Test
  void aValidFileReads() {
    Organisation org = read(VALID);
    assertThat(org.staff()).singleElement().satisfies(s -> assertThat(s.roles().get(0).unit()).isEqualTo("g1"));
  }

  @Test
  void aRoleForAnUnknownGridIsRefusedNamingTheStaffEntry() {
    assertThatThrownBy(() -> read(VALID.replace("unit: g1", "unit: g9")))
        .isInstanceOf(InvalidOrganisationException.class)
        .hasMessageContaining("staff[0] (id=a).roles[0]")
        .hasMessageContaining("unknown grid 'g9'");
  }

  @Test
  void aDuplicateIdIsRefusedNamingTheEntry() {
    assertThatThrownBy(() -> read(VALID.replace("id: k1", "id: g1")))
        .isInstanceOf(InvalidOrganisationException.class)
        .hasMessageContaining("streets[0].communities[0].grids[0].compounds[0] (id=g1)")
        .hasMessageContaining("duplicate id 'g1'");
  }

  @Test
  void aDuplicateStaffIdIsRefused() {
    String twice = VALID + "  - { id: a, name: 乙, nameEn: Yi, email: b@gridloop.example, roles: [ { role: supervisor } ] }\n";
    assertThatThrownBy(() -> read(twice)).hasMessageContaining("staff[1]").hasMessageContaining("duplicate staff id 'a'");
  }

  @Test
  void aMissingFieldIsRefusedNamingTheEntryAndTheField() {
    assertThatThrownBy(() -> read(VALID.replace("nameEn: Grid One", "")))
        .hasMessageContaining("streets[0].communities[0].grids[0]")
        .hasMessageContaining("missing field 'nameEn'");
  }

  @Test
  void aMalformedEmailOrAnUnknownRoleIsRefused() {
    assertThatThrownBy(() -> read(VALID.replace("a@gridloop.example", "not-an-address")))
        .hasMessageContaining("staff[0] (id=a)").hasMessageContaining("malformed email");
    assertThatThrownBy(() -> read(VALID.replace("role: gridWorker", "role: mayor")))
        .hasMessageContaining("unknown role 'mayor'");
  }

  @Test
  void aDepartmentRoleMustNameADepartment() {
    assertThatThrownBy(() -> read(VALID.replace("role: gridWorker, unit: g1", "role: departmentStaff, unit: g1")))
        .hasMessageContaining("unknown department 'g1'");
  }

  @Test
  void notYamlIsRefused() {
    assertThatThrownBy(() -> read("district: [unclosed")).isInstanceOf(InvalidOrganisationException.class)
        .hasMessageContaining("test.yaml");
  }

  private Organisation read(String yaml) {
    return reader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }
}

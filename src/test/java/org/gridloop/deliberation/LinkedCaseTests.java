package org.gridloop.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridloop.casework.CategoryCatalogue;
import org.gridloop.casework.CategoryCatalogue.Category;
import org.gridloop.org.Organisation;
import org.gridloop.org.OrganisationFileReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where a topic's scope lies, and how a department item becomes a linked grid-call case: category and reporter. */
class LinkedCaseTests {

  static final List<Category> CATEGORIES = List.of(
      category("power-outage", "infrastructure", "housing"),
      category("drain-blocked", "infrastructure", "water"),
      category("elevator-retrofit", "infrastructure", "housing"),
      category("illegal-construction", "property", "urban", "housing"),
      category("property-service", "property", "housing"),
      category("old-compound-renovation", "property", "housing"));

  Organisation organisation;
  Electorate electorate;
  PrepareLinkedCase prepare;

  @BeforeEach
  void setUp() throws Exception {
    try (InputStream org = getClass().getResourceAsStream("/demo/organisation.yaml");
        InputStream owners = getClass().getResourceAsStream("/demo/owners-register.yaml")) {
      organisation = new OrganisationFileReader().read(org, "demo/organisation.yaml");
      electorate = new Electorate(organisation, OwnersRegisterReader.read(owners, "demo/owners-register.yaml"));
    }
    CategoryCatalogue categories = mock(CategoryCatalogue.class);
    when(categories.all()).thenReturn(CATEGORIES);
    for (Category c : CATEGORIES) {
      when(categories.find(c.code())).thenReturn(Optional.of(c));
    }
    when(categories.find("fireworks")).thenReturn(Optional.empty());
    prepare = new PrepareLinkedCase(null, null, electorate, organisation, categories);
  }

  @Test
  void aScopeIsItsCompoundsAndAGridOnTheGround() {
    Electorate.Scope compound = electorate.scope(TopicLevel.compound, "cx-hongxing-yuan").orElseThrow();
    assertThat(compound.grid().grid().id()).isEqualTo("cx-hongxing-g1");
    assertThat(electorate.units(compound)).hasSize(18);
    Electorate.Scope community = electorate.scope(TopicLevel.community, "cx-hongxing").orElseThrow();
    assertThat(community.compoundIds()).containsExactly("cx-hongxing-yuan", "cx-hongxing-shangye");
    assertThat(electorate.units(community)).hasSize(18);
    Electorate.Scope street = electorate.scope(TopicLevel.street, "hejiang").orElseThrow();
    assertThat(street.grid().grid().id()).isEqualTo("hh-furong-g1");
    assertThat(electorate.units(street)).hasSize(15);
    assertThat(electorate.scope(TopicLevel.community, "cx-hongxing-yuan")).isEmpty();
    assertThat(electorate.units(electorate.scope(TopicLevel.compound, "cx-jinlin-huayuan").orElseThrow())).isEmpty();
  }

  @Test
  void theCategoryIsTheItemsElseTheMatterTypeElseOneWhoseFirstDepartmentIsTheItems() {
    assertThat(prepare.category(item("old-compound-renovation"), "use-maintenance-fund", "housing"))
        .isEqualTo("old-compound-renovation");
    assertThat(prepare.category(item(null), "elevator-retrofit", "housing")).isEqualTo("elevator-retrofit");
    assertThat(prepare.category(item(null), "use-maintenance-fund", "housing")).isEqualTo("property-service");
    assertThat(prepare.category(item(null), "use-maintenance-fund", "water")).isEqualTo("drain-blocked");
    assertThatThrownBy(() -> prepare.category(item("fireworks"), "use-maintenance-fund", "housing"))
        .hasMessageContaining("fireworks");
    assertThatThrownBy(() -> prepare.category(item(null), "use-maintenance-fund", "police"))
        .hasMessageContaining("police");
  }

  @Test
  void theReporterIsTheCouncilSecretaryOfTheScopeOrOfItsCommunity() {
    assertThat(prepare.reporter(electorate.scope(TopicLevel.compound, "cx-hongxing-yuan").orElseThrow()).id())
        .isEqualTo("luoyan");
    // 百花苑 has no council secretary of its own: the one of 芙蓉社区 reports
    assertThat(prepare.reporter(electorate.scope(TopicLevel.compound, "hh-baihua-yuan").orElseThrow()).id())
        .isEqualTo("liangmei");
  }

  private static Map<String, Object> item(String category) {
    Map<String, Object> item = new HashMap<>();
    item.put("itemNumber", 1);
    item.put("category", category);
    return item;
  }

  private static Category category(String code, String group, String... departments) {
    return new Category(code, code, code, group, group, group, List.of(departments), false, false);
  }
}

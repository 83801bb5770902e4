package org.gridloop.deliberation;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.gridloop.casework.CaseRecords;
import org.gridloop.casework.CaseRecords.CaseRow;
import org.gridloop.casework.CaseStatus;
import org.gridloop.casework.CategoryCatalogue;
import org.gridloop.casework.CategoryCatalogue.Category;
import org.gridloop.deliberation.Electorate.Scope;
import org.gridloop.deliberation.TopicRecords.TopicRow;
import org.gridloop.org.Organisation;
import org.gridloop.org.Organisation.Staff;
import org.springframework.stereotype.Component;

/**
 * {@code prepare-linked-case} (准备关联案件): a plan item that needs a department becomes a grid-call
 * case linked to the topic, stored the way the intake API stores a case ({@code gl_case} row first,
 * channel {@code fourAffairs}, {@code topic_number} set); the call activity then starts grid-call
 * with business key {@code linkedCaseNumber} and the start variables of {@code linkedCase}.
 *
 * <ul>
 *   <li>Where: the grid of the topic's compound; for a community or street topic the first grid of
 *       that community or street (the grid worker routes it on).
 *   <li>Category: the item's {@code category} if the council gave one, else the topic's matter type if
 *       it is also a case category (elevator-retrofit), else the first category whose first department
 *       is the item's department (a property category first). Urgency: normal.
 *   <li>Reporter: the council secretary of the scope (else of its community, else of its street) with
 *       a phone number; they get the case's mails and confirm and rate its result for the topic.
 * </ul>
 */
@Component("prepareLinkedCase")
public class PrepareLinkedCase implements JavaDelegate {

  public static final String CHANNEL = "fourAffairs";
  static final String URGENCY = "normal";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TopicRecords topics;
  private final CaseRecords cases;
  private final Electorate electorate;
  private final Organisation organisation;
  private final CategoryCatalogue categories;

  public PrepareLinkedCase(TopicRecords topics, CaseRecords cases, Electorate electorate, Organisation organisation,
      CategoryCatalogue categories) {
    this.topics = topics;
    this.cases = cases;
    this.electorate = electorate;
    this.organisation = organisation;
    this.categories = categories;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    Map<String, Object> item = (Map<String, Object>) execution.getVariable("planItem");
    TopicRow topic = TopicDelegates.topic(topics, execution);
    Scope scope = TopicDelegates.scope(electorate, topic);
    int itemNumber = ((Number) item.get("itemNumber")).intValue();
    String department = TopicDelegates.text(item.get("departmentCode"));
    String category = category(item, topic.matterType(), department);
    Staff reporter = reporter(scope);
    var now = TopicTime.now();
    String caseNumber = cases.nextCaseNumber(TopicTime.year());
    String token = HexFormat.of().formatHex(randomBytes());
    String departmentName = organisation.department(department).map(d -> d.name() + " " + d.nameEn())
        .orElse(department);
    String description = truncate("议题 " + topic.topicNumber() + "「" + topic.title() + "」实施事项 " + itemNumber + "："
        + item.get("title") + "。" + Optional.ofNullable(TopicDelegates.text(item.get("description"))).orElse("")
        + "\n需要部门 Needs the department: " + departmentName
        + "\nTopic " + topic.topicNumber() + ", plan item " + itemNumber + ": " + item.get("title"), 4000);
    String address = truncate(scope.name() + " " + scope.nameEn() + "（" + scope.id() + "）", 500);
    cases.insert(new CaseRow(caseNumber, null, category, URGENCY, scope.grid().grid().id(),
        scope.grid().community().id(), scope.grid().street().id(), CHANNEL, description, address,
        reporter.name(), reporter.phone(), reporter.email(), token, CaseStatus.REPORTED, null, false, 0, null,
        null, null, now, null, topic.topicNumber()), null, null, null);
    cases.addEvent(caseNumber, now, "linkedToTopic", null, null, "system",
        "四事四共议题 " + topic.topicNumber() + " 实施事项 " + itemNumber + " Topic plan item", true);

    Map<String, Object> linkedCase = new LinkedHashMap<>();
    linkedCase.put("category", category);
    linkedCase.put("urgency", URGENCY);
    linkedCase.put("gridId", scope.grid().grid().id());
    linkedCase.put("communityId", scope.grid().community().id());
    linkedCase.put("streetId", scope.grid().street().id());
    linkedCase.put("description", description);
    linkedCase.put("address", address);
    // The reporter's contact data and the rating token are in the case record only (see CaseIntake).
    linkedCase.put("channel", CHANNEL);
    linkedCase.put("reopenCount", 0);
    execution.setVariable("linkedCaseNumber", caseNumber);
    execution.setVariable("linkedCase", Variables.objectValue(linkedCase)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    topics.setLinkedCase(topic.topicNumber(), itemNumber, caseNumber);
  }

  String category(Map<String, Object> item, String matterType, String department) {
    String given = TopicDelegates.text(item.get("category"));
    if (given != null) {
      return categories.find(given).map(Category::code).orElseThrow(() -> new IllegalArgumentException(
          "plan item " + item.get("itemNumber") + ": unknown case category '" + given + "'"));
    }
    if (categories.find(matterType).isPresent()) {
      return matterType;
    }
    List<Category> all = categories.all();
    return all.stream().filter(c -> "property".equals(c.group()) && first(c, department)).findFirst()
        .or(() -> all.stream().filter(c -> first(c, department)).findFirst())
        .or(() -> all.stream().filter(c -> c.departments().contains(department)).findFirst())
        .map(Category::code)
        .orElseThrow(() -> new IllegalStateException("plan item " + item.get("itemNumber")
            + ": no case category summons department '" + department + "'; give the item a category"));
  }

  private static boolean first(Category category, String department) {
    return !category.departments().isEmpty() && category.departments().get(0).equals(department);
  }

  /** The council secretary of the scope, else of its community, else of its street, with a phone number. */
  Staff reporter(Scope scope) {
    for (String unit : List.of(scope.id(), scope.grid().community().id(), scope.grid().street().id())) {
      Optional<Staff> secretary = organisation.staff().stream()
          .filter(s -> s.phone() != null && !s.phone().isBlank())
          .filter(s -> s.roles().stream().anyMatch(r ->
              r.type() == Organisation.RoleType.councilSecretary && unit.equals(r.unit())))
          .findFirst();
      if (secretary.isPresent()) {
        return secretary.get();
      }
    }
    throw new IllegalStateException("No council secretary with a phone number for " + scope.id()
        + " or its community or street: add one to the organisation file to start linked cases");
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}

package org.gridloop.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GridLoop's zh.json for Tasklist and Cockpit against the webjar's en.json (Camunda 7.24): valid
 * JSON of the same shape, no key the webapp doesn't know, placeholders kept, date locale complete,
 * and Chinese for every label staff meet in the flows. Labels zh.json leaves out fall back to
 * English (config.js: fallbackLocale 'en').
 */
class LocaleFilesTests {

  private static final String BASE = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*\\w+\\s*}}");
  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

  /** Labels staff meet in the flows: login, header, filters, task list, task detail, form buttons. */
  static final Map<String, List<String>> MUST_TRANSLATE = Map.of(
      "tasklist", List.of("PAGE_LOGIN_USERNAME", "PAGE_LOGIN_PASSWORD", "PAGE_LOGIN_SIGN_IN_ACTION",
          "PAGE_LOGIN_PLEASE_SIGN_IN", "PAGE_LOGIN_ERROR_MSG", "SIGN_OUT_ACTION", "MY_PROFILE",
          "CAM_WIDGET_HEADER_SIGN_OUT", "FILTERS", "FILTER_CREATE", "ADD_FILTER_HINT", "NO_MATCHING_TASK",
          "SEARCH_PLACEHOLDER", "SORT_BY", "DUE", "DUE_DATE", "FOLLOW_UP", "CREATION", "ASSIGNEE", "FORM",
          "HISTORY", "DIAGRAM", "DESCRIPTION", "TASK_VARIABLES", "COMPLETE", "SAVE", "CLAIM_TASK",
          "UNCLAIM_TASK", "DELEGATE_TASK", "SET_DUE_DATE", "SET_FOLLOW_UP_DATE", "COMPLETE_OK", "CLAIM_OK",
          "UNCLAIM_OK", "SELECT_TASK_IN_LIST", "START_PROCESS", "PAGINATION_NEXT", "PAGINATION_PREVIOUS",
          "AUTH_LOGOUT_SUCCESSFUL", "TASKLIST_APP", "COCKPIT_APP"),
      "cockpit", List.of("PAGE_LOGIN_USERNAME", "PAGE_LOGIN_PASSWORD", "PAGE_LOGIN_SIGN_IN_ACTION",
          "SIGN_OUT_ACTION", "MY_PROFILE", "COCKPIT_PROCESSES", "COCKPIT_DECISIONS", "COCKPIT_HUMAN_TASKS",
          "COCKPIT_MORE", "DASHBOARD_DASHBOARD", "DASHBOARD_RUNNING_PROCESS_INSTANCE", "DASHBOARD_OPEN_INCIDENTS",
          "DASHBOARD_OPEN_HUMAN_TASKS", "DASHBOARD_PROCESS_DEFINITIONS", "DASHBOARD_DEPLOYED",
          "PROCESS_DEFINITION_INSTANCES_RUNNING", "PROCESS_INSTANCE_ID_BUSINESS_KEY",
          "PROCESS_INSTANCE_INSTANCE_ID", "PROCESS_INSTANCE_INFORMATION", "PROCESS_INSTANCE_DEFINITION_NAME",
          "BREAD_CRUMBS_RUNTIME", "PAGINATION_NEXT"));

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit"})
  void zhIsValidKnowsOnlyEnglishKeysKeepsPlaceholdersAndTranslatesTheFlowsLabels(String app) throws Exception {
    JsonNode zh = read(BASE + app + "/locales/zh.json");
    JsonNode en = read(BASE + app + "/locales/en.json");   // the webjar's
    assertThat(zh.get("labels").isObject()).isTrue();

    List<String> unknown = new ArrayList<>();
    List<String> brokenPlaceholders = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = zh.get("labels").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      JsonNode english = en.get("labels").get(label.getKey());
      if (english == null) {
        unknown.add(label.getKey());
      } else if (!placeholders(english.asText()).equals(placeholders(label.getValue().asText()))) {
        brokenPlaceholders.add(label.getKey());
      }
    }
    assertThat(unknown).as("keys en.json does not have").isEmpty();
    assertThat(brokenPlaceholders).as("labels that lost or renamed a {{placeholder}}").isEmpty();

    for (String key : MUST_TRANSLATE.get(app)) {
      JsonNode label = zh.get("labels").get(key);
      assertThat(label).as(app + " " + key).isNotNull();
      assertThat(CJK.matcher(label.asText()).find()).as(app + " " + key + " = " + label).isTrue();
    }

    JsonNode dates = zh.get("dateLocales");
    for (Iterator<String> it = en.get("dateLocales").fieldNames(); it.hasNext(); ) {
      String field = it.next();
      assertThat(dates.has(field)).as("dateLocales." + field).isTrue();
    }
    assertThat(dates.get("months")).hasSize(12);
    assertThat(dates.get("weekdays").get(1).asText()).isEqualTo("星期一");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist"})
  void tasklistIsTranslatedCompletely(String app) throws Exception {
    JsonNode zh = read(BASE + app + "/locales/zh.json");
    JsonNode en = read(BASE + app + "/locales/en.json");
    List<String> missing = new ArrayList<>();
    en.get("labels").fieldNames().forEachRemaining(key -> {
      if (!zh.get("labels").has(key)) {
        missing.add(key);
      }
    });
    assertThat(missing).isEmpty();
  }

  private JsonNode read(String resource) throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return json.readTree(in);   // Jackson skips the webjar's UTF-8 byte order mark
    }
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group().replace(" ", ""));
    }
    found.sort(null);
    return found;
  }
}

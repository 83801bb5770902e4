package org.gridloop.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridloop.support.GridLoopIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The webapps serve GridLoop's config.js (instead of the webjar's), the SLA plugin script and the
 * zh locale files, as the browser loads them (no login needed for these static files).
 */
@GridLoopIntegrationTest
class SlaWebappIT {

  @Autowired TestRestTemplate rest;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void cockpitLoadsTheSlaPluginAndOffersChinese() {
    ResponseEntity<String> config = rest.getForEntity("/camunda/app/cockpit/scripts/config.js", String.class);
    assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(config.getBody()).contains("customScripts: ['../gridloop-locale.js', 'scripts/gridloop-sla.js']")
        .contains("availableLocales: ['en', 'zh']").contains("fallbackLocale: 'en'");

    ResponseEntity<String> plugin = rest.getForEntity("/camunda/app/cockpit/scripts/gridloop-sla.js", String.class);
    assertThat(plugin.getStatusCode()).isEqualTo(HttpStatus.OK);
    // Loaded with import(): a module script needs a JavaScript MIME type.
    assertThat(plugin.getHeaders().getContentType().toString()).contains("javascript");
    assertThat(plugin.getBody()).contains("export default", "cockpit.route", "cockpit.navigation",
        "cockpit.dashboard", "/api/sla", "gridloop-sla",
        "gridloop-sla-escalations", "#/process-instance/");
  }

  @Test
  void tasklistKeepsItsShortcutsAndOffersChinese() {
    ResponseEntity<String> config = rest.getForEntity("/camunda/app/tasklist/scripts/config.js", String.class);
    assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(config.getBody()).contains("availableLocales: ['en', 'zh']").contains("claimTask")
        .contains("customScripts: ['../gridloop-locale.js', 'scripts/gridloop-contact.js']");
    ResponseEntity<String> contactTab = rest.getForEntity("/camunda/app/tasklist/scripts/gridloop-contact.js", String.class);
    assertThat(contactTab.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(contactTab.getBody()).contains("export default", "tasklist.task.detail", "/api/cases/");
  }

  @Test
  void bothWebappsShareTheScriptThatKeepsDatesInTheChosenLanguage() {
    // One file for both: each config.js loads it as ../gridloop-locale.js from its app folder.
    ResponseEntity<String> script = rest.getForEntity("/camunda/app/gridloop-locale.js", String.class);
    assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(script.getHeaders().getContentType().toString()).contains("javascript");
    assertThat(script.getBody()).contains("moment.locale(language)").contains("export default []");
  }

  @Test
  void theZhLocaleFilesAreServedNextToTheWebjarsEnglishOnes() throws Exception {
    for (String app : new String[] {"tasklist", "cockpit"}) {
      ResponseEntity<byte[]> zh = rest.getForEntity("/camunda/app/" + app + "/locales/zh.json?bust=7.24.0", byte[].class);
      assertThat(zh.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
      JsonNode labels = json.readTree(zh.getBody()).get("labels");
      assertThat(labels.get("PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("登录");
      ResponseEntity<String> en = rest.getForEntity("/camunda/app/" + app + "/locales/en.json", String.class);
      assertThat(en.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
    }
  }
}

package org.gridloop.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;

class MailTemplatesTests {

  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern ENGLISH_WORDS = Pattern.compile("[A-Za-z]{2,}(\\W+[A-Za-z]{2,}){2,}");
  private static final Date DUE = Date.from(ZonedDateTime.of(2026, 12, 1, 18, 30, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant());

  private final MailTemplates templates = new MailTemplates(ZoneId.of("Asia/Shanghai"));

  /** Every template the casework and deliberation code uses, with exactly the keys they pass. */
  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of("case-accepted", Map.of("caseNumber", "GC-2026-000123", "categoryName", "路灯 Street light",
            "address", "红星路二段 8 号", "statusUrl", "http://gl.example/api/cases/GC-2026-000123")),
        Arguments.of("case-step-changed", Map.of("caseNumber", "GC-2026-000123", "stepName", "镇街处置 Street handling",
            "unitName", "春熙路街道", "statusUrl", "http://gl.example/api/cases/GC-2026-000123")),
        Arguments.of("case-rejected", Map.of("caseNumber", "GC-2026-000123", "reason", "重复反映 Duplicate report",
            "statusUrl", "http://gl.example/api/cases/GC-2026-000123")),
        Arguments.of("case-resolved", Map.of("caseNumber", "GC-2026-000123", "outcome", "路灯已修复 Lamp repaired",
            "ratingUrl", "http://gl.example/rate/GC-2026-000123?token=t0k3n",
            "statusUrl", "http://gl.example/api/cases/GC-2026-000123")),
        Arguments.of("case-closed", Map.of("caseNumber", "GC-2026-000123",
            "statusUrl", "http://gl.example/api/cases/GC-2026-000123")),
        Arguments.of("task-assigned", Map.of("caseNumber", "GC-2026-000123", "taskName", "网格处置 Grid handling",
            "unitName", "红星路社区第一网格", "dueDate", DUE, "tasklistUrl", "http://gl.example/camunda/app/tasklist/")),
        Arguments.of("task-reminder", Map.of("caseNumber", "GC-2026-000123", "taskName", "部门报到 Department report-in",
            "dueDate", DUE, "tasklistUrl", "http://gl.example/camunda/app/tasklist/")),
        Arguments.of("case-escalated", Map.of("caseNumber", "GC-2026-000123", "escalation", "部门报到超时 Report-in overdue",
            "unitName", "区水务局", "reason", "超过 30 分钟未报到", "dueDate", DUE,
            "cockpitUrl", "http://gl.example/camunda/app/cockpit/")),
        Arguments.of("topic-notice", Map.of("topicNumber", "FA-2026-000007", "title", "红星苑加装电梯",
            "message", "公示期至 12 月 8 日。Public notice until 8 December.", "topicUrl", "http://gl.example/topics/FA-2026-000007")),
        Arguments.of("vote-code-issued", Map.of("topicNumber", "YS-2026-000007", "title", "红星苑加装电梯",
            "ownerId", "hxy-o04", "round", 1, "issuedBy", "罗艳 Luo Yan (luoyan)", "issuedAt", DUE,
            "reason", "业主邮件丢失，本人到场申请 The owner lost the mail and asked in person",
            "topicUrl", "http://gl.example/api/topics/YS-2026-000007")),
        Arguments.of("password-link", Map.of("userId", "wangfang", "name", "王芳", "nameEn", "Wang Fang",
            "link", "http://gl.example/account/password?token=t0k3n", "expiresAt", DUE)));
  }

  @Test
  void everyTemplateOnTheClasspathIsCoveredHere() {
    assertThat(MailTemplates.names()).containsExactlyInAnyOrderElementsOf(
        models().map(a -> (String) a.get()[0]).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void rendersWithItsModelKeys(String name, Map<String, Object> model) {
    assertThat(templates.keysOf(name)).containsExactlyInAnyOrderElementsOf(model.keySet());

    MailTemplates.Rendered mail = templates.render(name, model);

    assertThat(mail.subject()).doesNotContain("{").doesNotContain("\n");
    assertThat(mail.body()).doesNotContain("{").doesNotContain("}");
    for (Map.Entry<String, Object> entry : model.entrySet()) {
      assertThat(mail.body()).as("the body shows %s", entry.getKey()).contains(templates.format(entry.getValue()));
    }
    if (model.get("dueDate") != null) {
      assertThat(mail.body()).contains("2026-12-01 18:30");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void theSubjectIsChineseThenEnglishAndCarriesTheCaseNumber(String name, Map<String, Object> model) {
    String subject = templates.render(name, model).subject();
    // what the mail is about: the case, the topic, or (a password link) the login
    String number = (String) model.getOrDefault("caseNumber", model.getOrDefault("topicNumber", model.get("userId")));

    String[] parts = subject.split(" / ");
    assertThat(parts).as(subject).hasSize(2);
    assertThat(HAN.matcher(parts[0]).find()).as("Chinese first: %s", subject).isTrue();
    assertThat(parts[0]).contains(number);
    assertThat(HAN.matcher(parts[1]).find()).as("then English only: %s", subject).isFalse();
    assertThat(parts[1]).contains(number).containsPattern("[A-Za-z]{4,}");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void theBodyIsChineseThenEnglish(String name, Map<String, Object> model) throws Exception {
    // the template's own text, placeholders left out: a Chinese part, a rule, an English part
    String raw = new ClassPathResource("mail/" + name + ".txt").getContentAsString(StandardCharsets.UTF_8)
        .replaceAll("\\{[A-Za-z0-9_]+}", "");
    String body = raw.substring(raw.indexOf("\n\n") + 2);
    String[] parts = body.split("\n-{10,}\n");
    assertThat(parts).as("Chinese part, a line of dashes, English part").hasSize(2);
    assertThat(HAN.matcher(parts[0]).find()).isTrue();
    assertThat(ENGLISH_WORDS.matcher(parts[0]).find()).as("no English in the Chinese part").isFalse();
    assertThat(HAN.matcher(parts[1]).find()).as("no Chinese in the English part").isFalse();
    assertThat(ENGLISH_WORDS.matcher(parts[1]).find()).isTrue();
    assertThat(templates.render(name, model).body()).contains("----------");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void aMissingModelKeyFails(String name, Map<String, Object> model) {
    for (String key : model.keySet()) {
      Map<String, Object> incomplete = new HashMap<>(model);
      incomplete.remove(key);
      assertThatThrownBy(() -> templates.render(name, incomplete))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(name).hasMessageContaining(key);
    }
  }

  @Test
  void aNullValueRendersAsADashAndValuesCannotBreakTheSubjectLine() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("topicNumber", "FA-2026-000001");
    model.put("title", "第一行\r\nBcc: someone@example.com");
    model.put("message", null);
    model.put("topicUrl", "http://gl.example/t/1");
    MailTemplates.Rendered mail = templates.render("topic-notice", model);
    assertThat(mail.subject()).doesNotContain("\n").doesNotContain("\r").contains("第一行 Bcc: someone@example.com");
    assertThat(mail.body()).contains("\n-\n");
  }

  @Test
  void anUnknownOrMalformedTemplateNameFails() {
    assertThatThrownBy(() -> templates.render("no-such-template", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-template");
    assertThatThrownBy(() -> templates.render("../application", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

}

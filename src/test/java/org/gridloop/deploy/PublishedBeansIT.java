package org.gridloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gridloop.support.GridLoopIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** What the README promises process owners may call is exactly what the engine lets expressions see. */
@GridLoopIntegrationTest
class PublishedBeansIT {

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  @Autowired ApplicationContext context;

  @Test
  void theReadmeListsEveryPublishedBeanWithItsMethodsAndNothingElse() throws IOException {
    Map<String, Set<String>> published = new TreeMap<>(new PublishedBeans(context).all());
    // Beans that only tests add (their delegates live in the test sources) are not GridLoop's.
    published.keySet().removeIf(name -> name.startsWith("test"));
    assertThat(readmeTable()).isEqualTo(published);
  }

  @Test
  void anExpressionCanReachNoOtherBean() {
    Map<Object, Object> engineBeans = new PublishedBeans(context).asEngineBeans();
    assertThat(engineBeans.containsKey("caseIntake")).isFalse();
    assertThat(engineBeans.get("identityService")).isNull();
    assertThat(engineBeans.get("dataSource")).isNull();
    assertThat(engineBeans.get("assignment")).isNotNull();
  }

  static Map<String, Set<String>> readmeTable() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("### Published beans"));
    section = section.substring(0, section.indexOf("\n## "));
    Map<String, Set<String>> beans = new TreeMap<>();
    for (String line : section.split("\n")) {
      String[] cells = line.split("\\|");
      if (!line.startsWith("| `") || cells.length < 3) {
        continue;
      }
      Set<String> methods = codes(cells[2]);
      codes(cells[1]).forEach(bean -> beans.put(bean, methods));
    }
    return beans;
  }

  private static Set<String> codes(String cell) {
    Matcher matcher = CODE.matcher(cell);
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    while (matcher.find()) {
      names.addAll(Arrays.stream(matcher.group(1).split(",")).map(String::strip).collect(Collectors.toSet()));
    }
    return names;
  }
}

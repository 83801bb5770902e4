package org.gridloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every test the README names as proof of a promise exists: `SomeIT`, `SomeIT.method`, and
 * `…method` (a method of the test class named last before it in the same paragraph). A renamed
 * or deleted test fails here instead of leaving a promise without its proof.
 */
class ReadmeTestReferencesTests {

  private static final Pattern REFERENCE = Pattern.compile("`(?:([A-Z]\\w*(?:IT|Tests|Attacks))(?:\\.(\\w+))?|…(\\w+))`");

  @Test
  void everyTestTheReadmeNamesExists() throws IOException {
    Map<String, Class<?>> tests = testClasses();
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (String paragraph : Files.readString(Path.of("README.md")).split("\n\\s*\n|\n- |\n\\*\\*")) {
      Matcher matcher = REFERENCE.matcher(paragraph.replace("\n", " "));
      Class<?> last = null;
      while (matcher.find()) {
        String method = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
        if (matcher.group(1) != null) {
          last = tests.get(matcher.group(1));
          if (last == null) {
            missing.add(matcher.group(1));
            continue;
          }
        }
        checked++;
        if (method != null && (last == null || !hasMethod(last, method))) {
          missing.add((last == null ? "?" : last.getSimpleName()) + "." + method);
        }
      }
    }
    assertThat(checked).as("references checked").isGreaterThan(30);
    assertThat(missing).as("tests the README names that do not exist").isEmpty();
  }

  private static boolean hasMethod(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (Arrays.stream(c.getDeclaredMethods()).map(Method::getName).anyMatch(name::equals)) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Class<?>> testClasses() throws IOException {
    Path root = Path.of("src/test/java");
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java"))
          .map(p -> root.relativize(p).toString().replace('/', '.').replaceAll("\\.java$", ""))
          .map(ReadmeTestReferencesTests::load)
          .collect(Collectors.toMap(Class::getSimpleName, c -> c, (a, b) -> a));
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.gridloop.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The mail templates in {@code classpath:mail/<name>.txt}: the first line is the subject, then a
 * blank line, then the body. {@code {name}} is replaced by the model's value for {@code name}; a
 * placeholder the model lacks is an error ({@link IllegalArgumentException}), so a caller that
 * forgets a key fails in its tests, not silently in a resident's inbox. A key present with a
 * {@code null} value renders as "-". Dates render as {@code yyyy-MM-dd HH:mm} in the configured zone.
 */
@Component
public class MailTemplates {

  /** A rendered mail. */
  public record Rendered(String subject, String body) {}

  static final String LOCATION = "mail/";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

  private record Template(String name, String subject, String body, Set<String> keys) {}

  private final ZoneId zone;
  private final Map<String, Template> cache = new ConcurrentHashMap<>();

  @Autowired
  public MailTemplates(MailProperties properties) {
    this(properties.zone());
  }

  MailTemplates(ZoneId zone) {
    this.zone = zone;
  }

  /** Renders a template; unknown template or a placeholder missing from the model → IllegalArgumentException. */
  public Rendered render(String template, Map<String, ?> model) {
    Template t = cache.computeIfAbsent(template, MailTemplates::load);
    Set<String> missing = new TreeSet<>(t.keys());
    missing.removeAll(model.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("Mail template '" + template + "' needs model key(s) " + missing
          + "; the model has " + new TreeSet<>(model.keySet()));
    }
    String subject = fill(t.subject(), model, true).strip();
    return new Rendered(subject, fill(t.body(), model, false));
  }

  /** The model keys a template uses. */
  public Set<String> keysOf(String template) {
    return cache.computeIfAbsent(template, MailTemplates::load).keys();
  }

  /** The names of the templates on the classpath. */
  public static Set<String> names() {
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + LOCATION + "*.txt");
      Set<String> names = new TreeSet<>();
      for (Resource resource : resources) {
        String file = resource.getFilename();
        if (file != null) {
          names.add(file.substring(0, file.length() - ".txt".length()));
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Template load(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a mail template name: '" + name + "'");
    }
    ClassPathResource resource = new ClassPathResource(LOCATION + name + ".txt");
    if (!resource.exists()) {
      throw new IllegalArgumentException("No mail template '" + name + "' (classpath:" + LOCATION + name + ".txt)");
    }
    String text;
    try (InputStream in = resource.getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read mail template '" + name + "'", e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] parts = text.split("\n", 3);
    if (parts.length < 3 || parts[0].isBlank() || !parts[1].isBlank() || parts[2].isBlank()) {
      throw new IllegalStateException("Mail template '" + name
          + "' must be: a subject line, a blank line, then the body");
    }
    String body = parts[2].stripTrailing() + "\n";
    Set<String> keys = new LinkedHashSet<>();
    keys.addAll(placeholders(parts[0]));
    keys.addAll(placeholders(body));
    return new Template(name, parts[0], body, Set.copyOf(keys));
  }

  private static Set<String> placeholders(String text) {
    Set<String> keys = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }

  private String fill(String text, Map<String, ?> model, boolean oneLine) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = format(model.get(m.group(1)));
      if (oneLine) {
        value = value.replaceAll("\\s+", " ").strip();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** How GridLoop shows a value to people: dates as yyyy-MM-dd HH:mm in the city's zone, null as "-". */
  public String format(Object value) {
    if (value == null) {
      return "-";
    }
    if (value instanceof Date date) {
      return DATE_TIME.format(date.toInstant().atZone(zone));
    }
    if (value instanceof Instant instant) {
      return DATE_TIME.format(instant.atZone(zone));
    }
    if (value instanceof OffsetDateTime odt) {
      return DATE_TIME.format(odt.atZoneSameInstant(zone));
    }
    if (value instanceof ZonedDateTime zdt) {
      return DATE_TIME.format(zdt.withZoneSameInstant(zone));
    }
    if (value instanceof LocalDateTime ldt) {
      return DATE_TIME.format(ldt);
    }
    if (value instanceof LocalDate ld) {
      return DATE.format(ld);
    }
    if (value instanceof TemporalAccessor) {
      return value.toString();
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(this::format).collect(Collectors.joining(", "));
    }
    return value.toString();
  }
}

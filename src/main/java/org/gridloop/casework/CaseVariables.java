package org.gridloop.casework;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;
import org.gridloop.deploy.PublishedToModels;
import org.springframework.stereotype.Component;

/** Reads case variables whatever shape Tasklist, the API or a test gave them. */
@PublishedToModels
@Component("caseVars")
public class CaseVariables {

  /**
   * A list of codes from a comma-separated string, a collection or a JSON array (what a Camunda
   * Forms checklist submits); blanks and repeats dropped, order kept.
   */
  @PublishedToModels
  public List<String> list(Object value) {
    LinkedHashSet<String> codes = new LinkedHashSet<>();
    if (value instanceof SpinJsonNode json) {
      if (json.isArray()) {
        json.elements().forEach(e -> add(codes, e.isString() ? e.stringValue() : e.toString()));
      } else if (json.isString()) {
        split(codes, json.stringValue());
      }
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(e -> add(codes, String.valueOf(e)));
    } else if (value != null) {
      split(codes, value.toString());
    }
    return new ArrayList<>(codes);
  }

  private static void split(Collection<String> codes, String text) {
    String trimmed = text.trim();
    if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
      trimmed = trimmed.substring(1, trimmed.length() - 1).replace("\"", "");
    }
    for (String part : trimmed.split(",")) {
      add(codes, part);
    }
  }

  private static void add(Collection<String> codes, String code) {
    if (code != null && !code.isBlank()) {
      codes.add(code.trim());
    }
  }
}

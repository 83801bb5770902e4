package org.gridloop.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a DMN file may hold: FEEL only. The engine evaluates JUEL in decisions with the process
 * engine's beans in scope, and a script language with the engine's rights; FEEL (with external
 * functions off, as Camunda builds it) reads only the decision's inputs. Elements of unknown
 * namespaces are refused as in BPMN.
 */
final class DecisionTableCheck {

  List<ModelProblem> check(String resource, Document document) {
    List<ModelProblem> problems = new ArrayList<>();
    visit(resource, document.getDocumentElement(), problems);
    return problems;
  }

  private void visit(String resource, Element element, List<ModelProblem> problems) {
    String namespace = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
    if (!namespace.contains("omg.org/spec/DMN/") && !namespace.contains("omg.org/spec/DD/")
        && !namespace.equals("http://camunda.org/schema/1.0/dmn")) {
      problems.add(new ModelProblem(resource, SafeXml.describe(element), "element <" + element.getTagName()
          + "> of namespace " + namespace + " is not part of a DMN decision"));
      return;
    }
    String language = element.getAttribute("expressionLanguage");
    if (!language.isEmpty() && !isFeel(language)) {
      problems.add(new ModelProblem(resource, SafeXml.describe(element), "expressionLanguage=\"" + language
          + "\": decisions are written in FEEL only"));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        visit(resource, childElement, problems);
      }
    }
  }

  static boolean isFeel(String language) {
    String lower = language.toLowerCase(Locale.ROOT);
    return lower.equals("feel") || lower.contains("/feel/") || lower.endsWith("/feel");
  }
}

package org.gridloop.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a process owner's BPMN file may hold: flows, not code. Refused are scripts (script tasks,
 * script listeners and conditions, scripts in input/output mappings), Java classes
 * ({@code camunda:class} and its kin), connectors, forms other than Camunda Forms (an
 * {@code embedded:} form key runs the owner's JavaScript in every staff member's Tasklist), elements
 * of unknown namespaces, and any expression that {@link ExpressionRules} refuses. Every attribute
 * and text the engine may evaluate is checked, not only the ones GridLoop's models use today.
 */
final class BpmnModelCheck {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  /** Camunda still reads the camunda: attributes under the old Activiti namespace. */
  static final String ACTIVITI = "http://activiti.org/bpmn";
  private static final Set<String> ELEMENT_NAMESPACES = Set.of(BPMN, CAMUNDA,
      "http://www.omg.org/spec/BPMN/20100524/DI", "http://www.omg.org/spec/DD/20100524/DC",
      "http://www.omg.org/spec/DD/20100524/DI");
  private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass", "formHandlerClass");
  /** Texts the engine never evaluates. */
  private static final Set<String> PROSE = Set.of("documentation", "text");

  private final ExpressionRules expressions;

  BpmnModelCheck(ExpressionRules expressions) {
    this.expressions = expressions;
  }

  List<ModelProblem> check(String resource, Document document) {
    List<ModelProblem> problems = new ArrayList<>();
    visit(resource, document.getDocumentElement(), problems);
    return problems;
  }

  private void visit(String resource, Element element, List<ModelProblem> problems) {
    String where = SafeXml.describe(element);
    String namespace = element.getNamespaceURI();
    String tag = element.getLocalName();
    if (!ELEMENT_NAMESPACES.contains(namespace)) {
      problems.add(new ModelProblem(resource, where, "element <" + element.getTagName() + "> of namespace "
          + namespace + " is not part of a Camunda 7 model"));
      return;
    }
    if (BPMN.equals(namespace) && tag.equals("scriptTask")) {
      problems.add(new ModelProblem(resource, where, "script tasks are not allowed: process owners deploy flows, "
          + "not code; use a service task with camunda:delegateExpression=\"${aPublishedBean}\""));
    }
    if (tag.equals("script")) {
      problems.add(new ModelProblem(resource, where, "scripts are not allowed (script listeners, script "
          + "conditions and scripts in input/output mappings run with the engine's rights)"));
      return;
    }
    if (CAMUNDA.equals(namespace) && tag.equals("connector")) {
      problems.add(new ModelProblem(resource, where, "connectors are not allowed: they call any address with the "
          + "engine's rights"));
      return;
    }
    if (CAMUNDA.equals(namespace) && (tag.equals("formData") || tag.equals("formField") || tag.equals("formProperty"))) {
      problems.add(new ModelProblem(resource, where, "generated task forms (camunda:formData) are not used in "
          + "GridLoop: give the task a Camunda Form (camunda:formRef)"));
      return;
    }
    checkAttributes(resource, element, where, problems);
    if (!PROSE.contains(tag) && !(CAMUNDA.equals(namespace) && tag.equals("property"))) {
      String text = directText(element);
      if (ExpressionRules.isExpression(text)) {
        expressions.checkModel(text).ifPresent(reason -> problems.add(
            new ModelProblem(resource, where, "expression " + text.strip() + ": " + reason)));
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        visit(resource, childElement, problems);
      }
    }
  }

  private void checkAttributes(String resource, Element element, String where, List<ModelProblem> problems) {
    boolean property = CAMUNDA.equals(element.getNamespaceURI()) && element.getLocalName().equals("property");
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      String value = attribute.getValue();
      // camunda:class="…" on a BPMN element, or class="…" on a camunda: element (a listener) alike
      boolean camunda = CAMUNDA.equals(attribute.getNamespaceURI()) || ACTIVITI.equals(attribute.getNamespaceURI())
          || (attribute.getNamespaceURI() == null && CAMUNDA.equals(element.getNamespaceURI()));
      if (ACTIVITI.equals(attribute.getNamespaceURI())) {
        problems.add(new ModelProblem(resource, where, "attribute activiti:" + name + ": use the camunda: namespace"));
      }
      if (camunda && CLASS_ATTRIBUTES.contains(name)) {
        problems.add(new ModelProblem(resource, where, "camunda:" + name + "=\"" + value + "\": Java classes are not "
            + "allowed; use camunda:delegateExpression=\"${aPublishedBean}\""));
      } else if (camunda && (name.equals("resource") || name.equals("scriptFormat"))) {
        problems.add(new ModelProblem(resource, where, "camunda:" + name + ": scripts are not allowed"));
      } else if (camunda && name.equals("type") && !value.equals("external")) {
        problems.add(new ModelProblem(resource, where, "camunda:type=\"" + value + "\": only external tasks are "
            + "allowed; connectors and other types run with the engine's rights"));
      } else if (camunda && name.equals("formKey") && !value.startsWith("camunda-forms:")) {
        problems.add(new ModelProblem(resource, where, "camunda:formKey=\"" + value + "\": only Camunda Forms "
            + "(camunda:formRef) are allowed; embedded and app forms run the owner's code in staff's browsers"));
      } else if (name.equals("language") && attribute.getNamespaceURI() == null) {
        problems.add(new ModelProblem(resource, where, "language=\"" + value + "\": script conditions are not "
            + "allowed; write the condition as an expression ${…}"));
      } else if (!property && ExpressionRules.isExpression(value)) {
        expressions.checkModel(value).ifPresent(reason -> problems.add(new ModelProblem(resource, where,
            (camunda ? "camunda:" : "") + name + "=\"" + value + "\": " + reason)));
      }
    }
  }

  private static String directText(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }
}

package org.gridloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a process owner's files may hold: each kind of code is refused, naming the element and why. */
class DeploymentPolicyTests {

  static final DeploymentPolicy POLICY = new DeploymentPolicy(ExpressionRulesTests.RULES);

  static String process(String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:activiti="http://activiti.org/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
          <bpmn:process id="p" name="测试 Test" isExecutable="true" camunda:historyTimeToLive="30">
            <bpmn:startEvent id="start" />
        """ + body + """
          </bpmn:process>
        </bpmn:definitions>
        """;
  }

  static List<ModelProblem> bpmn(String body) {
    return POLICY.check("test.bpmn", process(body).getBytes(StandardCharsets.UTF_8));
  }

  static void refused(List<ModelProblem> problems, String element, String reason) {
    assertThat(problems).as("problems").isNotEmpty();
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.element()).contains(element);
      assertThat(p.reason()).containsIgnoringCase(reason);
    });
  }

  @Test
  void aScriptTaskIsRefused() {
    refused(bpmn("<bpmn:scriptTask id=\"run\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>"),
        "scriptTask 'run'", "script tasks are not allowed");
  }

  @Test
  void aScriptListenerIsRefused() {
    refused(bpmn("""
        <bpmn:userTask id="work" camunda:formRef="f"><bpmn:extensionElements>
          <camunda:taskListener event="create"><camunda:script scriptFormat="javascript">java.lang.Runtime</camunda:script></camunda:taskListener>
        </bpmn:extensionElements></bpmn:userTask>"""), "userTask 'work'", "scripts are not allowed");
  }

  @Test
  void aScriptInAnInputMappingIsRefused() {
    refused(bpmn("""
        <bpmn:serviceTask id="svc" camunda:delegateExpression="${notifyReporter}"><bpmn:extensionElements>
          <camunda:inputOutput><camunda:inputParameter name="x"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:inputParameter></camunda:inputOutput>
        </bpmn:extensionElements></bpmn:serviceTask>"""), "serviceTask 'svc'", "scripts are not allowed");
  }

  @Test
  void aJavaClassIsRefusedWhereverItIsNamed() {
    refused(bpmn("<bpmn:serviceTask id=\"svc\" camunda:class=\"com.example.Evil\" />"), "serviceTask 'svc'", "Java classes");
    refused(bpmn("<bpmn:serviceTask id=\"old\" activiti:class=\"com.example.Evil\" />"), "serviceTask 'old'", "Java classes");
    refused(bpmn("""
        <bpmn:userTask id="work"><bpmn:extensionElements>
          <camunda:executionListener class="com.example.Evil" event="start" />
        </bpmn:extensionElements></bpmn:userTask>"""), "userTask 'work'", "Java classes");
    refused(bpmn("<bpmn:callActivity id=\"call\" calledElement=\"x\" camunda:variableMappingClass=\"com.example.Evil\" />"),
        "callActivity 'call'", "Java classes");
  }

  @Test
  void aConnectorIsRefused() {
    refused(bpmn("""
        <bpmn:serviceTask id="http"><bpmn:extensionElements>
          <camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>
        </bpmn:extensionElements></bpmn:serviceTask>"""), "serviceTask 'http'", "connectors are not allowed");
    refused(bpmn("<bpmn:sendTask id=\"mail\" camunda:type=\"mail\" />"), "sendTask 'mail'", "only external tasks");
  }

  @Test
  void anExpressionThatReachesTheEngineIsRefusedEvenBehindATimerStartEventInThePast() {
    refused(bpmn("""
        <bpmn:startEvent id="soon"><bpmn:timerEventDefinition id="t"><bpmn:timeDate>2020-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>
        <bpmn:serviceTask id="grab" camunda:expression="${execution.processEngineServices.identityService.createMembership('dengwen','camunda-admin')}" />
        <bpmn:sequenceFlow id="f1" sourceRef="soon" targetRef="grab" />"""), "serviceTask 'grab'", "engine object");
  }

  @Test
  void aMethodCallOnAVariableOrALiteralIsRefused() {
    refused(bpmn("<bpmn:serviceTask id=\"svc\" camunda:expression=\"${''.getClass().forName('java.lang.Runtime')}\" />"),
        "serviceTask 'svc'", "published bean");
    refused(bpmn("""
        <bpmn:exclusiveGateway id="gw" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f" sourceRef="gw" targetRef="end">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${gridId.toString().length() &gt; 2}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>"""), "conditionExpression", "published bean");
  }

  @Test
  void aScriptConditionIsRefused() {
    refused(bpmn("""
        <bpmn:exclusiveGateway id="gw" /><bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f" sourceRef="gw" targetRef="end">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>
        </bpmn:sequenceFlow>"""), "conditionExpression", "script conditions");
  }

  @Test
  void anEmbeddedOrAppFormIsRefusedButACamundaFormIsAllowed() {
    refused(bpmn("<bpmn:userTask id=\"work\" camunda:formKey=\"embedded:deployment:evil.html\" />"),
        "userTask 'work'", "only Camunda Forms");
    refused(bpmn("<bpmn:userTask id=\"work\" camunda:formKey=\"app:forms/x.html\" />"), "userTask 'work'", "only Camunda Forms");
    assertThat(bpmn("<bpmn:userTask id=\"work\" camunda:formRef=\"grid-handling-form\" camunda:formRefBinding=\"latest\" />"))
        .isEmpty();
    assertThat(bpmn("<bpmn:userTask id=\"work\" camunda:formKey=\"camunda-forms:deployment:x.form\" />")).isEmpty();
  }

  @Test
  void elementsOfOtherNamespacesAndDoctypesAreRefused() {
    refused(bpmn("""
        <bpmn:userTask id="work"><bpmn:extensionElements>
          <h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>
        </bpmn:extensionElements></bpmn:userTask>"""), "script", "not part of a Camunda 7 model");
    String withEntity = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + process("").substring(process("").indexOf("<bpmn:definitions"));
    assertThat(POLICY.check("x.bpmn", withEntity.getBytes(StandardCharsets.UTF_8)))
        .singleElement().satisfies(p -> assertThat(p.reason()).contains("not a well-formed model"));
  }

  @Test
  void proseAndPropertiesAreNotEvaluatedSoTheyAreNotChecked() {
    assertThat(bpmn("""
        <bpmn:userTask id="work" camunda:formRef="f"><bpmn:documentation>Never ${execution.getVariable('x')}</bpmn:documentation>
          <bpmn:extensionElements><camunda:properties><camunda:property name="note" value="${a.b()}" /></camunda:properties></bpmn:extensionElements>
        </bpmn:userTask>""")).isEmpty();
  }

  @Test
  void aDecisionInAnyLanguageButFeelIsRefused() {
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
          <decision id="rules" name="Rules">
            <decisionTable id="t">
              <input id="i"><inputExpression id="e" typeRef="string" expressionLanguage="%s"><text>x</text></inputExpression></input>
              <output id="o" name="y" typeRef="string" />
            </decisionTable>
          </decision>
        </definitions>
        """;
    assertThat(POLICY.check("r.dmn", dmn.formatted("juel").getBytes(StandardCharsets.UTF_8)))
        .anySatisfy(p -> assertThat(p.reason()).contains("FEEL only"));
    assertThat(POLICY.check("r.dmn", dmn.formatted("javascript").getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    assertThat(POLICY.check("r.dmn", dmn.formatted("feel").getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(POLICY.check("r.dmn", dmn.formatted("https://www.omg.org/spec/DMN/20191111/FEEL/")
        .getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void onlyModelsDecisionsAndFormsAreDeployedAndFormsEmbedNothing() {
    assertThat(POLICY.check("evil.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
        .singleElement().satisfies(p -> assertThat(p.reason()).contains("only .bpmn, .dmn and .form"));
    assertThat(POLICY.check("x.js", new byte[0])).isNotEmpty();
    String iframe = "{\"components\":[{\"type\":\"iframe\",\"id\":\"frame\",\"url\":\"https://evil.example\"}]}";
    assertThat(POLICY.check("x.form", iframe.getBytes(StandardCharsets.UTF_8)))
        .singleElement().satisfies(p -> assertThat(p.reason()).contains("'iframe' is not allowed"));
    String fine = "{\"components\":[{\"type\":\"textfield\",\"key\":\"note\",\"id\":\"n\"}]}";
    assertThat(POLICY.check("x.form", fine.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }
}

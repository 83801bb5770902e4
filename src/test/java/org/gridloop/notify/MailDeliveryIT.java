package org.gridloop.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.TestLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail through the outbox and its Camunda job, against a real SMTP server (GreenMail on
 * 127.0.0.1:3025, stopped to play an outage). The job executor is off in the shared context: the
 * tests run the mail jobs themselves and move the engine clock past the back-off; one test starts
 * the job executor to show that it sends on its own.
 */
@GridLoopIntegrationTest
class MailDeliveryIT {

  private static final String RESIDENT = MailTestSteps.RESIDENT;
  private static final String PROCESS = "test-mail-case";
  private static final String QUEUE_AND_END = "test-mail-closing-step";
  private static final AtomicInteger CASES = new AtomicInteger();
  private static final Date T0 = new Date(1_800_000_000_000L); // 2027-01-15, a fixed engine time

  @Autowired MailService mail;
  @Autowired OutboxRepository outbox;
  @Autowired MailProperties properties;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  private GreenMail smtp;
  private final List<String> caseNumbers = new ArrayList<>();

  @BeforeEach
  void setUp() {
    deployTestProcesses();
    smtp = startSmtp();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    if (smtp != null) {
      smtp.stop();
    }
    // leave no job of ours behind for the other tests of the shared engine
    for (String caseNumber : caseNumbers) {
      for (OutboxMail row : outbox.search(null, caseNumber, 50)) {
        if (row.jobId() != null && management.createJobQuery().jobId(row.jobId()).count() > 0) {
          management.deleteJob(row.jobId());
        }
      }
    }
  }

  @Test
  void aQueuedMailIsDeliveredByItsJob() throws Exception {
    String caseNumber = newCaseNumber();
    ProcessInstance instance = startCase(caseNumber);

    mail.queue("case-accepted", acceptedModel(caseNumber), Arrays.asList(RESIDENT, " ", "", "RESIDENT@example.com"),
        instance.getId());

    OutboxMail queued = onlyMailOf(caseNumber);
    assertThat(queued.status()).isEqualTo(MailStatus.QUEUED);
    assertThat(queued.to()).containsExactly(RESIDENT);
    assertThat(queued.processInstanceId()).isEqualTo(instance.getId());
    JobEntity job = (JobEntity) job(queued);
    assertThat(job.getJobHandlerType()).isEqualTo("gridloop-mail");
    assertThat(job.getProcessInstanceId()).isEqualTo(instance.getId());
    assertThat(job.getExecutionId()).isNull();
    assertThat(job.getRetries()).isEqualTo(5);
    assertThat(smtp.getReceivedMessages()).isEmpty(); // nothing is sent in the caller's transaction

    management.executeJob(job.getId());

    MimeMessage message = onlyMessageFor(caseNumber);
    assertThat(addresses(message.getAllRecipients())).containsExactly(RESIDENT);
    assertThat(addresses(message.getFrom())).containsExactly("noreply@gridloop.example");
    assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("GridLoop 网格通");
    assertThat(message.getSubject()).isEqualTo("案件 " + caseNumber + " 已受理 / Case " + caseNumber + " accepted");
    String body = (String) message.getContent();
    assertThat(body).contains("您反映的问题已受理，案件编号 " + caseNumber)
        .contains("Your report has been accepted as case " + caseNumber)
        .contains("路灯 Street light").contains(mail.link("/api/cases/" + caseNumber));
    assertThat(body.indexOf("您好")).isLessThan(body.indexOf("Hello"));

    OutboxMail sent = onlyMailOf(caseNumber);
    assertThat(sent.status()).isEqualTo(MailStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(sent.sentAt()).isNotNull();
    assertThat(sent.lastError()).isNull();
    assertThat(management.createJobQuery().jobId(job.getId()).count()).isZero();
  }

  @Test
  void aConfidentialMailIsDeliveredWholeButTheOutboxForgetsItsBodyOnceSent() throws Exception {
    String caseNumber = newCaseNumber();
    ProcessInstance instance = startCase(caseNumber);
    Map<String, Object> model = new java.util.HashMap<>(acceptedModel(caseNumber));
    model.put("address", "您的投票码 Your vote code: K7QX2M9P");

    mail.queueConfidential("case-accepted", model, List.of(RESIDENT), instance.getId());
    assertThat(onlyMailOf(caseNumber).body()).contains("K7QX2M9P"); // kept until it is sent
    management.executeJob(onlyMailOf(caseNumber).jobId());

    assertThat(GreenMailUtil.getBody(onlyMessageFor(caseNumber))).isNotBlank();
    assertThat(onlyMessageFor(caseNumber).getContent().toString()).contains("K7QX2M9P");
    OutboxMail sent = onlyMailOf(caseNumber);
    assertThat(sent.status()).isEqualTo(MailStatus.SENT);
    assertThat(sent.body()).doesNotContain("K7QX2M9P").contains("withheld");
  }

  @Test
  void whileTheMailServerIsDownTheJobWaitsAndTheMailArrivesWhenItIsBack() throws Exception {
    ClockUtil.setCurrentTime(T0);
    String caseNumber = newCaseNumber();
    ProcessInstance instance = startCase(caseNumber);
    mail.queue("case-accepted", acceptedModel(caseNumber), List.of(RESIDENT), instance.getId());
    String jobId = onlyMailOf(caseNumber).jobId();

    smtp.stop();
    assertThatThrownBy(() -> management.executeJob(jobId)).isNotNull();

    Job failed = management.createJobQuery().jobId(jobId).singleResult();
    assertThat(failed.getRetries()).isEqualTo(4);
    assertThat(failed.getExceptionMessage()).isNotBlank();
    assertThat(failed.getDuedate()).isEqualTo(plus(T0, Duration.ofMinutes(1)));
    assertThat(management.createJobQuery().jobId(jobId).executable().count()).as("waits for its back-off").isZero();
    OutboxMail retrying = onlyMailOf(caseNumber);
    assertThat(retrying.status()).isEqualTo(MailStatus.RETRYING);
    assertThat(retrying.attempts()).isEqualTo(1);
    assertThat(retrying.lastError()).isNotBlank();
    assertThat(retrying.nextAttemptAt()).isEqualTo(plus(T0, Duration.ofMinutes(1)).toInstant());
    // the case is untouched: still at its step, its data unchanged, no incident
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isOne();
    assertThat(runtime.getVariable(instance.getId(), "status")).isEqualTo("open");
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isOne();
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();

    smtp = startSmtp();
    ClockUtil.setCurrentTime(plus(T0, Duration.ofSeconds(61)));
    assertThat(management.createJobQuery().jobId(jobId).executable().count()).isOne();
    management.executeJob(jobId);

    assertThat(onlyMessageFor(caseNumber).getSubject()).contains(caseNumber);
    OutboxMail sent = onlyMailOf(caseNumber);
    assertThat(sent.status()).isEqualTo(MailStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(2);
  }

  @Test
  void afterFiveFailedTriesTheJobHasAnIncidentOnTheCaseAndTheCaseStillGoesOn() throws Exception {
    ClockUtil.setCurrentTime(T0);
    String caseNumber = newCaseNumber();
    ProcessInstance instance = startCase(caseNumber);
    mail.queue("case-accepted", acceptedModel(caseNumber), List.of(RESIDENT), instance.getId());
    String jobId = onlyMailOf(caseNumber).jobId();
    smtp.stop();

    Date now = T0;
    List<Duration> waits = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1));
    assertThat(properties.retryIntervals()).isEqualTo(waits);
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(management.createJobQuery().jobId(jobId).executable().count()).as("try %d is due", attempt).isOne();
      assertThatThrownBy(() -> management.executeJob(jobId)).isNotNull();
      Job job = management.createJobQuery().jobId(jobId).singleResult();
      assertThat(job.getRetries()).isEqualTo(5 - attempt);
      assertThat(onlyMailOf(caseNumber).attempts()).isEqualTo(attempt);
      if (attempt < 5) {
        Date next = plus(now, waits.get(attempt - 1));
        assertThat(job.getDuedate()).as("back-off after try %d", attempt).isEqualTo(next);
        assertThat(runtime.createIncidentQuery().configuration(jobId).count()).isZero();
        assertThat(onlyMailOf(caseNumber).status()).isEqualTo(MailStatus.RETRYING);
        ClockUtil.setCurrentTime(new Date(next.getTime() - 1000));
        assertThat(management.createJobQuery().jobId(jobId).executable().count()).as("not due before its back-off").isZero();
        now = next;
        ClockUtil.setCurrentTime(now);
      }
    }

    List<Incident> incidents = runtime.createIncidentQuery().incidentType(Incident.FAILED_JOB_HANDLER_TYPE)
        .configuration(jobId).list();
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getProcessInstanceId()).isEqualTo(instance.getId());
    assertThat(incidents.get(0).getIncidentMessage()).isNotBlank();
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isOne();
    OutboxMail failed = onlyMailOf(caseNumber);
    assertThat(failed.status()).isEqualTo(MailStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(5);
    assertThat(failed.lastError()).isNotBlank();
    assertThat(failed.nextAttemptAt()).isNull();

    // the failed mail does not hold the case: its step completes and the case ends
    assertThat(runtime.getVariable(instance.getId(), "status")).isEqualTo("open");
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    // the incident went with the case; the job and the outbox row stay, the mail still unsent
    assertThat(runtime.createIncidentQuery().configuration(jobId).count()).isZero();
    assertThat(management.createJobQuery().jobId(jobId).singleResult().getRetries()).isZero();
    assertThat(onlyMailOf(caseNumber).status()).isEqualTo(MailStatus.FAILED);

    // the mail is not lost: an operator retries it (Cockpit: "Retry") once the server is back
    smtp = startSmtp();
    management.setJobRetries(jobId, 1);
    management.executeJob(jobId);
    assertThat(onlyMessageFor(caseNumber).getSubject()).contains(caseNumber);
    assertThat(onlyMailOf(caseNumber).status()).isEqualTo(MailStatus.SENT);
    assertThat(onlyMailOf(caseNumber).attempts()).isEqualTo(6);
  }

  @Test
  void aFailedMailOfARunningCaseIsRetriedFromItsIncident() throws Exception {
    String caseNumber = newCaseNumber();
    ProcessInstance instance = startCase(caseNumber);
    mail.queue("case-closed", Map.of("caseNumber", caseNumber, "statusUrl", "http://x/"), List.of(RESIDENT), instance.getId());
    String jobId = onlyMailOf(caseNumber).jobId();
    smtp.stop();
    management.setJobRetries(jobId, 1); // straight to the last try
    assertThatThrownBy(() -> management.executeJob(jobId)).isNotNull();
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).configuration(jobId).count()).isOne();

    smtp = startSmtp();
    management.setJobRetries(jobId, 1);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).as("resolved").isZero();
    management.executeJob(jobId);
    assertThat(onlyMessageFor(caseNumber).getSubject()).contains(caseNumber);
    assertThat(onlyMailOf(caseNumber).status()).isEqualTo(MailStatus.SENT);
  }

  @Test
  void aMailQueuedInATransactionThatRollsBackIsNeitherStoredNorSent() {
    String caseNumber = newCaseNumber();
    long jobsBefore = management.createJobQuery().count();

    new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
      mail.queue("case-accepted", acceptedModel(caseNumber), List.of(RESIDENT), null);
      assertThat(outbox.search(null, caseNumber, 10)).as("visible inside the transaction").hasSize(1);
      tx.setRollbackOnly();
    });

    assertThat(outbox.search(null, caseNumber, 10)).isEmpty();
    assertThat(management.createJobQuery().count()).isEqualTo(jobsBefore);
  }

  @Test
  void aMailQueuedByACaseStepIsPartOfThatStepsTransaction() throws Exception {
    String failing = newCaseNumber();
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PROCESS, failing, Map.of("status", "open", "fail", true, "skipMail", false)))
        .hasMessageContaining("the case step failed");
    assertThat(outbox.search(null, failing, 10)).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(failing).count()).isZero();

    String passing = newCaseNumber();
    ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS, passing, Map.of("status", "open", "fail", false, "skipMail", false));
    OutboxMail queued = onlyMailOf(passing);
    assertThat(queued.status()).isEqualTo(MailStatus.QUEUED);
    assertThat(job(queued).getProcessInstanceId()).isEqualTo(instance.getId());
    management.executeJob(queued.jobId());
    assertThat(onlyMessageFor(passing).getSubject()).isEqualTo("案件 " + passing + " 已办结 / Case " + passing + " closed");
  }

  @Test
  void theMailOfTheStepThatEndsTheCaseStillGoesOut() throws Exception {
    String caseNumber = newCaseNumber();
    ProcessInstance instance = runtime.startProcessInstanceByKey(QUEUE_AND_END, caseNumber);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).as("ended").isZero();

    OutboxMail queued = onlyMailOf(caseNumber);
    assertThat(job(queued).getProcessInstanceId()).isEqualTo(instance.getId());
    management.executeJob(queued.jobId());
    assertThat(onlyMessageFor(caseNumber).getSubject()).contains(caseNumber);
  }

  @Test
  void aGroupMailGoesToTheMembersWithAnAddressAndNoRecipientMeansNoMail() throws Exception {
    String caseNumber = newCaseNumber();
    List<String> expected = identity.createUserQuery().memberOfGroup("street-chunxi").list().stream()
        .map(u -> u.getEmail()).filter(e -> e != null && !e.isBlank()).map(String::toLowerCase).sorted().toList();
    assertThat(expected).isNotEmpty();

    mail.queueToGroup("task-assigned", Map.of("caseNumber", caseNumber, "taskName", "镇街受理 Street acceptance",
        "unitName", "春熙路街道", "dueDate", new Date(), "tasklistUrl", mail.link("/camunda/app/tasklist/")),
        "street-chunxi", null);
    OutboxMail queued = onlyMailOf(caseNumber);
    assertThat(queued.to().stream().map(String::toLowerCase).sorted().toList()).isEqualTo(expected);
    management.executeJob(queued.jobId());
    MimeMessage message = onlyMessageFor(caseNumber);
    assertThat(addresses(message.getAllRecipients()).stream().map(String::toLowerCase).sorted().toList())
        .isEqualTo(expected);

    String nobody = newCaseNumber();
    mail.queueToGroup("case-closed", Map.of("caseNumber", nobody, "statusUrl", "x"), "no-such-group", null);
    mail.queue("case-closed", Map.of("caseNumber", nobody, "statusUrl", "x"), Arrays.asList(" ", null, "not-an-address"), null);
    assertThat(outbox.search(null, nobody, 10)).isEmpty();
    assertThatThrownBy(() -> mail.queue("case-closed", Map.of("caseNumber", nobody), List.of(RESIDENT), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statusUrl");
  }

  @Test
  void theOutboxIsForAdministratorsOnly() throws Exception {
    String caseNumber = newCaseNumber();
    mail.queue("case-rejected", Map.of("caseNumber", caseNumber, "reason", "重复 Duplicate", "statusUrl", "x"),
        List.of(RESIDENT), null);
    String url = "/api/admin/outbox?caseNumber=" + caseNumber;

    assertThat(rest.getForEntity(url, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    TestRestTemplate worker = rest.withBasicAuth("wangfang", TestLogins.passwordFor(identity, "wangfang"));
    assertThat(worker.getForEntity(url, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    TestRestTemplate admin = rest.withBasicAuth("admin", TestLogins.ADMIN_PASSWORD);
    ResponseEntity<String> response = admin.getForEntity(url, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> mails = json.readValue(response.getBody(), new TypeReference<>() {});
    assertThat(mails).hasSize(1);
    Map<String, Object> row = mails.get(0);
    assertThat(row).containsKeys("id", "created", "to", "subject", "body", "status", "attempts", "lastError",
        "sentAt", "processInstanceId", "caseNumber");
    assertThat(row.get("to")).isEqualTo(List.of(RESIDENT));
    assertThat(row.get("caseNumber")).isEqualTo(caseNumber);
    assertThat(row.get("status")).isEqualTo("QUEUED");
    assertThat((String) row.get("subject")).contains(caseNumber);

    assertThat(json.readValue(admin.getForObject("/api/admin/outbox?status=queued&limit=500", String.class), List.class))
        .isNotEmpty();
    assertThat(json.readValue(admin.getForObject("/api/admin/outbox?status=sent&caseNumber=" + caseNumber, String.class),
        List.class)).isEmpty();
    assertThat(json.readValue(admin.getForObject("/api/admin/outbox?limit=1", String.class), List.class)).hasSize(1);
    assertThat(admin.getForEntity("/api/admin/outbox?limit=501", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(admin.getForEntity("/api/admin/outbox?status=lost", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void theJobExecutorSendsAQueuedMailOnItsOwn() throws Exception {
    String caseNumber = newCaseNumber();
    mail.queue("case-accepted", acceptedModel(caseNumber), List.of(RESIDENT), null);

    engineConfiguration.getJobExecutor().start();
    try {
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> onlyMailOf(caseNumber).status() == MailStatus.SENT);
    } finally {
      engineConfiguration.getJobExecutor().shutdown();
    }
    assertThat(onlyMessageFor(caseNumber).getSubject()).contains(caseNumber);
  }

  // ---------------------------------------------------------------------------------------------

  private String newCaseNumber() {
    String number = "GC-2099-" + String.format("%06d", (System.nanoTime() / 1000 + CASES.incrementAndGet()) % 1_000_000);
    caseNumbers.add(number);
    return number;
  }

  private static Map<String, Object> acceptedModel(String caseNumber) {
    return Map.of("caseNumber", caseNumber, "categoryName", "路灯 Street light", "address", "红星路二段 8 号",
        "statusUrl", "http://localhost:8080/api/cases/" + caseNumber);
  }

  private ProcessInstance startCase(String caseNumber) {
    return runtime.startProcessInstanceByKey(PROCESS, caseNumber,
        Map.of("status", "open", "fail", false, "skipMail", true));
  }

  private OutboxMail onlyMailOf(String caseNumber) {
    List<OutboxMail> mails = outbox.search(null, caseNumber, 10);
    assertThat(mails).as("mails of %s", caseNumber).hasSize(1);
    return mails.get(0);
  }

  private Job job(OutboxMail row) {
    Job job = management.createJobQuery().jobId(row.jobId()).singleResult();
    assertThat(job).as("job of mail %s", row.id()).isNotNull();
    return job;
  }

  private MimeMessage onlyMessageFor(String caseNumber) throws Exception {
    List<MimeMessage> messages = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (message.getSubject().contains(caseNumber)) {
        messages.add(message);
      }
    }
    assertThat(messages).as("messages about %s", caseNumber).hasSize(1);
    return messages.get(0);
  }

  private static List<String> addresses(Address[] addresses) {
    return Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
  }

  private static Date plus(Date date, Duration duration) {
    return new Date(date.getTime() + duration.toMillis());
  }

  private static GreenMail startSmtp() {
    GreenMail server = new GreenMail(ServerSetupTest.SMTP);
    server.start();
    return server;
  }

  private void deployTestProcesses() {
    BpmnModelInstance caseWithStep = Bpmn.createExecutableProcess(PROCESS).name("邮件测试案件 Mail test case")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .exclusiveGateway("mail-or-not")
          .condition("mail", "${skipMail != true}")
          .serviceTask("queue-mail").name("发邮件 Queue mail").camundaDelegateExpression("${testQueueMail}")
          .serviceTask("may-fail").name("可能失败 May fail").camundaDelegateExpression("${testFailWhenAsked}")
          .exclusiveGateway("joined")
          .userTask("work").name("办理 Work")
          .endEvent()
        .moveToNode("mail-or-not")
          .condition("no mail", "${skipMail == true}")
          .connectTo("joined")
        .done();
    BpmnModelInstance queueAndEnd = Bpmn.createExecutableProcess(QUEUE_AND_END).name("办结并告知 Close and notify")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("notify-closed").name("告知已办结 Notify closed").camundaDelegateExpression("${testQueueMail}")
        .endEvent()
        .done();
    repository.createDeployment().name("mail-it").enableDuplicateFiltering(true)
        .addModelInstance(PROCESS + ".bpmn", caseWithStep)
        .addModelInstance(QUEUE_AND_END + ".bpmn", queueAndEnd)
        .deploy();
  }
}

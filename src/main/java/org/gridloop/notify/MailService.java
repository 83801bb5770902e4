package org.gridloop.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The one way GridLoop sends mail. {@code queue…} renders a template, stores the mail in the outbox
 * and creates its Camunda job, all in the caller's transaction: inside an engine command (a
 * delegate, a listener) in that command; otherwise in a command that joins the caller's Spring
 * transaction, if any. So a case that rolls back sends nothing, and a committed case's mail is
 * never lost: the job sends it later, with retries, whatever happens to the mail server meanwhile.
 *
 * <p>Given a process instance, the mail's job belongs to it (Cockpit shows a failed mail as an
 * incident on the case) without belonging to any of its executions, so the mail still goes out
 * when it was queued by the very step that ends the case.
 *
 * <p>A template name or model key that does not fit fails at once ({@link IllegalArgumentException}):
 * that is a programming error. Blank or malformed addresses are skipped with a warning, and a mail
 * left without recipients is not queued.
 */
@Service
public class MailService {

  private static final Logger LOG = LoggerFactory.getLogger(MailService.class);

  private final MailTemplates templates;
  private final OutboxRepository outbox;
  private final MailProperties properties;
  private final ProcessEngineConfigurationImpl engine;
  private final IdentityService identity;
  private final String publicUrl;

  public MailService(MailTemplates templates, OutboxRepository outbox, MailProperties properties,
      ProcessEngineConfigurationImpl engine, IdentityService identity,
      @Value("${gridloop.public-url:http://localhost:8080}") String publicUrl) {
    this.templates = templates;
    this.outbox = outbox;
    this.properties = properties;
    this.engine = engine;
    this.identity = identity;
    this.publicUrl = stripTrailingSlashes(publicUrl.strip());
  }

  /** GridLoop's public base URL ({@code gridloop.public-url}), without a trailing slash. */
  public String publicUrl() {
    return publicUrl;
  }

  /** An absolute link: the public base URL and the path, e.g. {@code link("/api/cases/GC-2026-000001")}. */
  public String link(String path) {
    return publicUrl + (path.startsWith("/") ? path : "/" + path);
  }

  /** Queues one mail to these addresses (one mail, one recipient list). */
  public void queue(String template, Map<String, ?> model, Collection<String> to, String processInstanceId) {
    queue(template, model, to, processInstanceId, false);
  }

  /**
   * Queues a mail that carries a secret (an owner's vote code, a reporter's token link): delivered
   * like any other, but the outbox keeps its body only until it is sent, so administrators never
   * read the secret there.
   */
  public void queueConfidential(String template, Map<String, ?> model, Collection<String> to, String processInstanceId) {
    queue(template, model, to, processInstanceId, true);
  }

  private void queue(String template, Map<String, ?> model, Collection<String> to, String processInstanceId,
      boolean confidential) {
    Objects.requireNonNull(model, "model");
    MailTemplates.Rendered mail = templates.render(template, model);
    List<String> recipients = recipients(to, template);
    if (recipients.isEmpty()) {
      LOG.info("Mail '{}' for {} not queued: no recipient with an e-mail address", template, caseNumberOf(model));
      return;
    }
    inCommand(commandContext -> {
      store(commandContext, template, model, recipients, mail, processInstanceId, confidential);
      return null;
    });
  }

  /** Queues one mail to every member of a Camunda group who has an e-mail address. */
  public void queueToGroup(String template, Map<String, ?> model, String groupId, String processInstanceId) {
    Objects.requireNonNull(groupId, "groupId");
    List<String> addresses = inCommand(commandContext -> commandContext.runWithoutAuthorization(
        () -> identity.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getEmail).toList()));
    queue(template, model, addresses, processInstanceId);
  }

  /** Queues one mail to one staff member (e.g. the assignee of a task), if they have an e-mail address. */
  public void queueToUser(String template, Map<String, ?> model, String userId, String processInstanceId) {
    Objects.requireNonNull(userId, "userId");
    List<String> addresses = inCommand(commandContext -> commandContext.runWithoutAuthorization(
        () -> identity.createUserQuery().userId(userId).list().stream().map(User::getEmail).toList()));
    queue(template, model, addresses, processInstanceId);
  }

  private void store(CommandContext commandContext, String template, Map<String, ?> model, List<String> recipients,
      MailTemplates.Rendered mail, String processInstanceId, boolean confidential) {
    Date now = ClockUtil.getCurrentTime();
    String caseNumber = caseNumberOf(model);
    long id = outbox.insert(now, template, recipients, mail, caseNumber, processInstanceId, confidential);

    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(MailJobHandler.TYPE);
    job.setJobHandlerConfiguration(new MailJobHandler.Configuration(id));
    job.setRetries(properties.attempts());
    job.setDuedate(now);
    // a mail touches no case state: it need not wait for the case's other jobs, nor they for it
    job.setExclusive(false);
    if (processInstanceId != null) {
      ExecutionEntity instance = commandContext.getExecutionManager().findExecutionById(processInstanceId);
      if (instance != null) {
        // the process instance only, no execution: the job must outlive the case's executions
        job.setProcessInstanceId(instance.getProcessInstanceId());
        job.setRootProcessInstanceId(instance.getRootProcessInstanceId());
        job.setProcessDefinitionId(instance.getProcessDefinitionId());
        job.setProcessDefinitionKey(instance.getProcessDefinition().getKey());
        job.setTenantId(instance.getTenantId());
      } else {
        LOG.info("Mail {}: process instance {} is not running; the mail is queued on its own", id, processInstanceId);
      }
    }
    commandContext.getJobManager().send(job);
    outbox.setJobId(id, job.getId());
    LOG.debug("Mail {} ({}) queued for {} as job {}", id, template, caseNumber, job.getId());
  }

  /** Runs in the engine command already under way on this thread, or in a new one joining the caller's transaction. */
  private <T> T inCommand(Command<T> command) {
    CommandContext current = Context.getCommandContext();
    if (current != null && current.getProcessEngineConfiguration() == engine) {
      return command.execute(current);
    }
    return engine.getCommandExecutorTxRequired().execute(command);
  }

  private static List<String> recipients(Collection<String> to, String template) {
    Map<String, String> unique = new LinkedHashMap<>();
    if (to != null) {
      for (String raw : to) {
        if (raw == null || raw.isBlank()) {
          continue;
        }
        String address = raw.strip();
        if (!isAddress(address)) {
          // not the address itself: it may be a resident's, and logs are no place for contact data
          LOG.warn("Mail '{}': skipping a malformed address ({} characters)", template, address.length());
          continue;
        }
        unique.putIfAbsent(address.toLowerCase(Locale.ROOT), address);
      }
    }
    return new ArrayList<>(unique.values());
  }

  private static boolean isAddress(String address) {
    if (address.contains(",") || address.contains("<") || address.chars().anyMatch(Character::isWhitespace)) {
      return false;
    }
    try {
      new InternetAddress(address, true).validate();
      return address.indexOf('@') > 0;
    } catch (AddressException e) {
      return false;
    }
  }

  private static String caseNumberOf(Map<String, ?> model) {
    Object number = model.get("caseNumber");
    if (number == null) {
      number = model.get("topicNumber");
    }
    return number == null ? null : number.toString();
  }

  private static String stripTrailingSlashes(String url) {
    String result = url;
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }
}

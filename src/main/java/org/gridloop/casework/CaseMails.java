package org.gridloop.casework;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridloop.org.GroupNames;
import org.gridloop.notify.MailService;
import org.springframework.stereotype.Component;

/** Composes the grid-call mails (templates in resources/mail) and hands them to {@link MailService}. */
@Component
public class CaseMails {

  private final MailService mail;
  private final CaseLinks links;
  private final GroupNames groupNames;

  public CaseMails(MailService mail, CaseLinks links, GroupNames groupNames) {
    this.mail = mail;
    this.links = links;
    this.groupNames = groupNames;
  }

  /**
   * To the reporter, if they gave an e-mail address. Confidential: the status link carries their
   * token (their own view, their rating), so the outbox keeps the text only until it is delivered.
   */
  public void toReporter(String template, CaseRecords.CaseRow reported, String processInstanceId,
      Map<String, Object> extra) {
    if (reported.reporterEmail() == null || reported.reporterEmail().isBlank()) {
      return;
    }
    Map<String, Object> model = new HashMap<>(extra);
    model.put("caseNumber", reported.caseNumber());
    model.put("statusUrl", links.status(reported.caseNumber(), reported.ratingToken()));
    mail.queueConfidential(template, model, List.of(reported.reporterEmail()), processInstanceId);
  }

  /** A new task or a reminder to every member of the group that has it. */
  public void toGroup(String template, String groupId, String caseNumber, String taskName, Date due,
      String processInstanceId) {
    mail.queueToGroup(template, taskModel(caseNumber, taskName, groupName(groupId), due), groupId, processInstanceId);
  }

  private Map<String, Object> taskModel(String caseNumber, String taskName, String unitName, Date due) {
    Map<String, Object> model = new HashMap<>();
    model.put("caseNumber", caseNumber);
    model.put("taskName", taskName);
    model.put("unitName", unitName);
    model.put("dueDate", due);
    model.put("tasklistUrl", links.tasklist());
    return model;
  }

  /** To one person (a reminder for a claimed task). */
  public void toUser(String template, String userId, String caseNumber, String taskName, Date due,
      String processInstanceId) {
    mail.queueToUser(template, taskModel(caseNumber, taskName, userId, due), userId, processInstanceId);
  }

  public void toSupervisors(String caseNumber, String escalation, String unitGroup, String reason, Date due,
      String processInstanceId) {
    Map<String, Object> model = new HashMap<>();
    model.put("caseNumber", caseNumber);
    model.put("escalation", escalation);
    model.put("unitName", groupName(unitGroup));
    model.put("reason", reason);
    model.put("dueDate", due);
    model.put("cockpitUrl", links.cockpit(processInstanceId));
    mail.queueToGroup("case-escalated", model, org.gridloop.org.GroupIds.SUPERVISORS, processInstanceId);
  }

  public String groupName(String groupId) {
    return groupId == null ? "" : groupNames.of(groupId);
  }
}

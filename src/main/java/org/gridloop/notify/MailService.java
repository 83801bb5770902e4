package org.gridloop.notify;

import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Service;

/** TEMPORARY stand-in until the notify branch lands; replaced by the real one at merge. */
@Service
public class MailService {
  public void queue(String template, Map<String, Object> model, Collection<String> to, String processInstanceId) {}

  public void queueToGroup(String template, Map<String, Object> model, String groupId, String processInstanceId) {}
}

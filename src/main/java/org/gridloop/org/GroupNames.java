package org.gridloop.org;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/** The readable name of a Camunda group ("红星路社区第一网格 Hongxing Road Grid 1"), for mails and views. */
@Component
public class GroupNames {

  private final IdentityService identity;

  public GroupNames(IdentityService identity) {
    this.identity = identity;
  }

  /** The group's name; its id when the group is unknown; null for null. */
  public String of(String groupId) {
    if (groupId == null) {
      return null;
    }
    Group group = identity.createGroupQuery().groupId(groupId).singleResult();
    return group == null ? groupId : group.getName();
  }
}

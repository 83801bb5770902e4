package org.gridloop.org;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.task.Task;
import org.gridloop.account.StaffPasswords;
import org.gridloop.org.OrgIdentities.Kind;
import org.gridloop.org.Organisation.Role;
import org.gridloop.org.Organisation.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors the organisation into Camunda's users, groups and memberships. The file owns what it
 * names: its staff (names, e-mail), the groups it defines, and each person's memberships in those
 * groups, which are set back to the file's whatever was changed in Camunda Admin. The
 * administrator owns passwords, every user and group the file does not name, and memberships in
 * groups the file does not define: the sync never touches them. What the file owns is recorded in
 * {@link OrgIdentities}, so a person or unit removed from the file is deleted (their claimed tasks
 * go back to their groups) while whatever the administrator made stays.
 *
 * <p>Idempotent: it writes only what differs, so a second run with the same file changes nothing.
 */
public class IdentitySync {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySync.class);

  /** What one run changed. */
  public record Report(int groupsWritten, int groupsDeleted, int usersWritten, int usersDeleted,
      int membershipsAdded, int membershipsRemoved) {
    public int changes() {
      return groupsWritten + groupsDeleted + usersWritten + usersDeleted + membershipsAdded + membershipsRemoved;
    }
  }

  private final IdentityService identity;
  private final TaskService tasks;
  private final PasswordManager hashes;
  private final OrgIdentities owned;
  private final StaffPasswords passwords;

  public IdentitySync(ProcessEngine engine, OrgIdentities owned, StaffPasswords passwords) {
    this.identity = engine.getIdentityService();
    this.tasks = engine.getTaskService();
    this.hashes = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getPasswordManager();
    this.owned = owned;
    this.passwords = passwords;
  }

  public Report sync(Organisation org) {
    int[] counts = new int[6];
    Set<String> ownedUsers = owned.all(Kind.USER);
    Set<String> ownedGroups = owned.all(Kind.GROUP);
    Map<String, DesiredGroup> groups = desiredGroups(org);
    counts[0] = writeGroups(groups, ownedGroups);
    Set<String> staffIds = new HashSet<>();
    for (Staff member : org.staff()) {
      staffIds.add(member.id());
      boolean existed = identity.createUserQuery().userId(member.id()).count() > 0;
      if (writeUser(member)) {
        counts[2]++;
      }
      if (!ownedUsers.contains(member.id())) {
        owned.own(Kind.USER, member.id());
      }
      int[] delta = writeMemberships(member.id(), membershipsOf(member), groups.keySet(), existed);
      counts[4] += delta[0];
      counts[5] += delta[1];
    }
    for (String userId : ownedUsers) {
      if (!staffIds.contains(userId)) {
        removeUser(userId);
        counts[3]++;
      }
    }
    for (String groupId : ownedGroups) {
      if (!groups.containsKey(groupId)) {
        identity.deleteGroup(groupId);
        owned.forget(Kind.GROUP, groupId);
        LOG.info("Removed group '{}' (no longer in the organisation file)", groupId);
        counts[1]++;
      }
    }
    Report report = new Report(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
    LOG.info("Organisation mirrored into Camunda identity: {}", report);
    return report;
  }

  record DesiredGroup(String name, String type) {}

  static Map<String, DesiredGroup> desiredGroups(Organisation org) {
    Map<String, DesiredGroup> groups = new LinkedHashMap<>();
    org.grids().forEach(g -> groups.put(GroupIds.grid(g.id()), work(g.name() + " " + g.nameEn())));
    org.streets().forEach(s -> groups.put(GroupIds.street(s.id()), work(s.name() + " " + s.nameEn())));
    org.departments().forEach(d -> groups.put(GroupIds.department(d.code()), work(d.name() + " " + d.nameEn())));
    org.councilUnits().values().forEach(u ->
        groups.put(GroupIds.council(u.id()), work(u.name() + "议事会 " + u.nameEn() + " council")));
    groups.put(GroupIds.SUPERVISORS, work("区级督办 District supervisors"));
    groups.put(GroupIds.PROCESS_OWNERS, work("流程负责人 Process owners"));
    groups.put(GroupIds.STAFF, new DesiredGroup("全体工作人员 All staff", "SYSTEM"));
    groups.put(GroupIds.ADMINS, new DesiredGroup("系统管理员 Administrators", "SYSTEM"));
    return groups;
  }

  private static DesiredGroup work(String name) {
    return new DesiredGroup(name, "WORKFLOW");
  }

  static Set<String> membershipsOf(Staff member) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(GroupIds.STAFF);
    for (Role role : member.roles()) {
      ids.add(switch (role.type()) {
        case gridWorker -> GroupIds.grid(role.unit());
        case streetDispatcher -> GroupIds.street(role.unit());
        case departmentStaff -> GroupIds.department(role.unit());
        case councilSecretary -> GroupIds.council(role.unit());
        case supervisor -> GroupIds.SUPERVISORS;
        case processOwner -> GroupIds.PROCESS_OWNERS;
        case admin -> GroupIds.ADMINS;
      });
    }
    return ids;
  }

  /** Creates or updates the file's groups; a group of that id made earlier in Camunda Admin is taken over. */
  private int writeGroups(Map<String, DesiredGroup> desired, Set<String> ownedGroups) {
    int written = 0;
    for (Map.Entry<String, DesiredGroup> entry : desired.entrySet()) {
      if (!ownedGroups.contains(entry.getKey())) {
        owned.own(Kind.GROUP, entry.getKey());
      }
      Group group = identity.createGroupQuery().groupId(entry.getKey()).singleResult();
      if (group == null) {
        group = identity.newGroup(entry.getKey());
      } else if (Objects.equals(group.getName(), entry.getValue().name())
          && Objects.equals(group.getType(), entry.getValue().type())) {
        continue;
      }
      group.setName(entry.getValue().name());
      group.setType(entry.getValue().type());
      identity.saveGroup(group);
      written++;
    }
    return written;
  }

  private boolean writeUser(Staff member) {
    User user = identity.createUserQuery().userId(member.id()).singleResult();
    boolean changed = false;
    if (user == null) {
      user = identity.newUser(member.id());
      user.setPassword(passwords.forNewPerson(member));
      changed = true;
    } else if (passwords.mustReplace(user, hashes)) {
      user.setPassword(passwords.replacement(member));
      changed = true;
    }
    // Tasklist shows "firstName lastName": the Chinese name, then the romanised one.
    if (!Objects.equals(user.getFirstName(), member.name())
        || !Objects.equals(user.getLastName(), member.nameEn())
        || !Objects.equals(user.getEmail(), member.email())) {
      user.setFirstName(member.name());
      user.setLastName(member.nameEn());
      user.setEmail(member.email());
      changed = true;
    }
    if (changed) {
      identity.saveUser(user);
    }
    return changed;
  }

  /**
   * Sets the person's memberships in the file's groups to the file's; memberships in other groups
   * are the administrator's and stay. For a person who existed before this run, every change is
   * logged: it either follows a change of the file or sets back one made outside it.
   */
  private int[] writeMemberships(String userId, Set<String> desired, Set<String> fileGroups, boolean existed) {
    Set<String> current = new HashSet<>();
    identity.createGroupQuery().groupMember(userId).list().forEach(g -> current.add(g.getId()));
    int added = 0;
    int removed = 0;
    for (String groupId : desired) {
      if (!current.contains(groupId)) {
        identity.createMembership(userId, groupId);
        if (existed) {
          LOG.info("Membership set to the organisation file: '{}' added to group '{}' (memberships in the file's"
              + " groups follow the file; one removed outside it is set back)", userId, groupId);
        }
        added++;
      }
    }
    for (String groupId : current) {
      if (fileGroups.contains(groupId) && !desired.contains(groupId)) {
        identity.deleteMembership(userId, groupId);
        LOG.info("Membership set to the organisation file: '{}' removed from group '{}' (memberships in the file's"
            + " groups follow the file; one added outside it is set back)", userId, groupId);
        removed++;
      }
    }
    return new int[] {added, removed};
  }

  private void removeUser(String userId) {
    List<Task> claimed = tasks.createTaskQuery().taskAssignee(userId).list();
    claimed.forEach(task -> tasks.setAssignee(task.getId(), null));
    identity.deleteUser(userId);
    owned.forget(Kind.USER, userId);
    LOG.info("Removed user '{}' (no longer in the organisation file); {} claimed task(s) returned to their groups",
        userId, claimed.size());
  }
}

package org.gridloop.org;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.gridloop.org.Organisation.Role;
import org.gridloop.org.Organisation.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors the organisation into Camunda's users, groups and memberships. Idempotent: it writes
 * only what differs, so a second run with the same file changes nothing. A person no longer in
 * the file is deleted (memberships and login go with the user) and their claimed tasks return to
 * their groups.
 */
public class IdentitySync {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySync.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What one run changed. */
  public record Report(int groupsWritten, int groupsDeleted, int usersWritten, int usersDeleted,
      int membershipsAdded, int membershipsRemoved) {
    public int changes() {
      return groupsWritten + groupsDeleted + usersWritten + usersDeleted + membershipsAdded + membershipsRemoved;
    }
  }

  private final IdentityService identity;
  private final TaskService tasks;

  public IdentitySync(IdentityService identity, TaskService tasks) {
    this.identity = identity;
    this.tasks = tasks;
  }

  /**
   * @param demoPassword the shared demo password, or null outside demo mode (new users then get
   *     an unguessable password until an administrator sets theirs in Camunda Admin)
   * @param keepUser users GridLoop does not manage through the file (the administrator)
   */
  public Report sync(Organisation org, String demoPassword, Predicate<String> keepUser) {
    int[] counts = new int[6];
    Map<String, DesiredGroup> groups = desiredGroups(org);
    counts[0] = writeGroups(groups);
    counts[1] = deleteStaleGroups(groups.keySet());
    for (Staff member : org.staff()) {
      if (writeUser(member, demoPassword)) {
        counts[2]++;
      }
      int[] delta = writeMemberships(member.id(), membershipsOf(member));
      counts[4] += delta[0];
      counts[5] += delta[1];
    }
    Set<String> staffIds = new HashSet<>();
    org.staff().forEach(s -> staffIds.add(s.id()));
    for (User user : identity.createUserQuery().list()) {
      if (!staffIds.contains(user.getId()) && !keepUser.test(user.getId())) {
        removeUser(user.getId());
        counts[3]++;
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

  private int writeGroups(Map<String, DesiredGroup> desired) {
    int written = 0;
    for (Map.Entry<String, DesiredGroup> entry : desired.entrySet()) {
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

  private int deleteStaleGroups(Set<String> desired) {
    int deleted = 0;
    for (Group group : identity.createGroupQuery().list()) {
      if (GroupIds.isUnitGroup(group.getId()) && !desired.contains(group.getId())) {
        identity.deleteGroup(group.getId());
        deleted++;
      }
    }
    return deleted;
  }

  private boolean writeUser(Staff member, String demoPassword) {
    // Check the password before loading the user: a failed check writes the user's row (failed
    // attempts), and saving a user loaded before that write would be refused as stale.
    boolean demoPasswordWorks = demoPassword == null || identity.checkPassword(member.id(), demoPassword);
    User user = identity.createUserQuery().userId(member.id()).singleResult();
    boolean changed = false;
    if (user == null) {
      user = identity.newUser(member.id());
      user.setPassword(demoPassword != null ? demoPassword : unguessablePassword());
      changed = true;
    } else if (!demoPasswordWorks) {
      user.setPassword(demoPassword);
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
      // The failed checkPassword above counts as a failed login; do not let it delay the first real one.
      identity.unlockUser(member.id());
    }
    return changed;
  }

  private int[] writeMemberships(String userId, Set<String> desired) {
    Set<String> current = new HashSet<>();
    identity.createGroupQuery().groupMember(userId).list().forEach(g -> current.add(g.getId()));
    int added = 0;
    int removed = 0;
    for (String groupId : desired) {
      if (!current.contains(groupId)) {
        identity.createMembership(userId, groupId);
        added++;
      }
    }
    for (String groupId : current) {
      if (!desired.contains(groupId)) {
        identity.deleteMembership(userId, groupId);
        removed++;
      }
    }
    return new int[] {added, removed};
  }

  private void removeUser(String userId) {
    List<Task> claimed = tasks.createTaskQuery().taskAssignee(userId).list();
    claimed.forEach(task -> tasks.setAssignee(task.getId(), null));
    identity.deleteUser(userId);
    LOG.info("Removed user '{}' (no longer in the organisation file); {} claimed task(s) returned to their groups",
        userId, claimed.size());
  }

  static String unguessablePassword() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

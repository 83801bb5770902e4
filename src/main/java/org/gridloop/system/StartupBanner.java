package org.gridloop.system;

import java.util.EnumMap;
import java.util.Map;
import org.gridloop.account.StaffPasswords;
import org.gridloop.org.Organisation;
import org.gridloop.org.Organisation.RoleType;
import org.gridloop.org.Organisation.Staff;
import org.gridloop.security.AdminCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started GridLoop where everything is and how to log in. */
@Component
class StartupBanner {

  private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

  private final AdminCredentials admin;
  private final GridLoopProperties properties;
  private final Organisation organisation;
  private final StaffPasswords staffPasswords;

  StartupBanner(AdminCredentials admin, GridLoopProperties properties, Organisation organisation,
      StaffPasswords staffPasswords) {
    this.admin = admin;
    this.properties = properties;
    this.organisation = organisation;
    this.staffPasswords = staffPasswords;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
      return;
    }
    String base = "http://localhost:" + web.getWebServer().getPort();
    StringBuilder text = new StringBuilder("\n\n=== GridLoop is running ===\n")
        .append("  Tasklist     ").append(base).append("/camunda/app/tasklist/\n")
        .append("  Cockpit      ").append(base).append("/camunda/app/cockpit/\n")
        .append("  Admin        ").append(base).append("/camunda/app/admin/\n")
        .append("  REST API     ").append(base).append("/engine-rest/  (HTTP basic auth)\n")
        .append("  GridLoop API ").append(base).append("/api/\n")
        .append("  Health       ").append(base).append("/actuator/health\n\n")
        .append("  Administrator: ").append(admin.user());
    if (admin.generated()) {
      text.append(" / ").append(admin.password())
          .append("   (generated for this run: set GRIDLOOP_ADMIN_PASSWORD to choose one)");
    } else {
      text.append(" (password from GRIDLOOP_ADMIN_PASSWORD)");
    }
    text.append('\n');
    if (!staffPasswords.demoOrganisation()) {
      // A real organisation file: nobody has the demo password, whatever demo mode says.
      text.append("  Staff set their own password through the link mailed to them\n")
          .append("  (a fresh one: POST /api/admin/staff/{userId}/password-link as the administrator)\n");
    } else {
      text.append("  Demo logins, password '").append(properties.demo().password()).append("':\n");
      demoLogins().forEach((role, staff) -> text.append(String.format("    %-17s %-10s %s %s%n",
          role, staff.id(), staff.name(), staff.roles().get(0).unit() == null ? "" : staff.roles().get(0).unit())));
    }
    LOG.info(text.toString());
  }

  /** The first person of each role in the directory. */
  private Map<RoleType, Staff> demoLogins() {
    Map<RoleType, Staff> logins = new EnumMap<>(RoleType.class);
    for (Staff staff : organisation.staff()) {
      staff.roles().forEach(role -> logins.putIfAbsent(role.type(), staff));
    }
    return logins;
  }
}

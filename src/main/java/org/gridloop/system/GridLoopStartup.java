package org.gridloop.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.gridloop.account.StaffPasswords;
import org.gridloop.deploy.BpmnFolderDeployer;
import org.gridloop.org.IdentitySync;
import org.gridloop.org.OrgIdentities;
import org.gridloop.org.Organisation;
import org.gridloop.security.AdminAccount;
import org.gridloop.security.AdminCredentials;
import org.gridloop.security.RoleAuthorizations;
import org.springframework.stereotype.Component;

/**
 * Brings the engine in line with GridLoop's sources as soon as it is built, before the web
 * server takes requests: deploys bpmn/, mirrors the organisation into identity, ensures the
 * administrator and the role authorizations. Every step is idempotent.
 */
@Component
class GridLoopStartup extends AbstractProcessEnginePlugin {

  /** Camunda's default id pattern is letters and digits only; GridLoop's ids use '-', '.' and '_'. */
  static final String ID_PATTERN = "[a-zA-Z0-9][a-zA-Z0-9._-]*";

  private final Organisation organisation;
  private final AdminCredentials admin;
  private final BpmnFolderDeployer deployer;
  private final OrgIdentities orgIdentities;
  private final StaffPasswords staffPasswords;

  GridLoopStartup(Organisation organisation, AdminCredentials admin,
      BpmnFolderDeployer deployer, OrgIdentities orgIdentities, StaffPasswords staffPasswords) {
    this.organisation = organisation;
    this.admin = admin;
    this.deployer = deployer;
    this.orgIdentities = orgIdentities;
    this.staffPasswords = staffPasswords;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setGeneralResourceWhitelistPattern(ID_PATTERN);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    deployer.deploy(engine.getRepositoryService());
    new IdentitySync(engine, orgIdentities, staffPasswords).sync(organisation);
    AdminAccount.ensure(engine.getIdentityService(), admin.user(), admin.password());
    RoleAuthorizations.apply(engine.getAuthorizationService());
  }
}

package org.gridloop.account;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Mails the password links the identity sync asked for. The sync runs while the engine is being
 * built, before mail can be queued, so it leaves its requests in the table; they are mailed here,
 * once the application is up (and at the next start, should this one stop first).
 */
@Component
class MailPendingLinksAtStartup implements ApplicationRunner {

  private final PasswordLinks links;

  MailPendingLinksAtStartup(PasswordLinks links) {
    this.links = links;
  }

  @Override
  public void run(ApplicationArguments args) {
    links.sendPending();
  }
}

package org.gridloop.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.Instant;

/**
 * GreenMail on 127.0.0.1:3025, where the suite's application sends mail. On a machine where
 * several builds run at once another build's test may hold the port for a few seconds: wait for it
 * (bounded) rather than fail.
 */
public final class LoopbackSmtp {

  private static final Duration PORT_WAIT = Duration.ofSeconds(60);

  private LoopbackSmtp() {}

  public static GreenMail start() {
    Instant giveUp = Instant.now().plus(PORT_WAIT);
    while (true) {
      GreenMail smtp = new GreenMail(ServerSetupTest.SMTP);
      try {
        smtp.start();
        return smtp;
      } catch (IllegalStateException portTaken) {
        smtp.stop();
        if (Instant.now().isAfter(giveUp)) {
          throw portTaken;
        }
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw portTaken;
        }
      }
    }
  }
}

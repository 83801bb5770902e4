package org.gridloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.gridloop.support.StandaloneApp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** /actuator/health is UP only while the engine can reach its database. */
class HealthIT {

  @Test
  void theEngineReportsDownOnceItsDatabaseIsGone() {
    Path dir = StandaloneApp.freshDataDir("health");
    // Its own H2 database (also in the PostgreSQL run): this test shuts the database down.
    try (ConfigurableApplicationContext app = StandaloneApp.start("healthTest", dir,
        "--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath() + "/gridloop",
        "--spring.datasource.driver-class-name=org.h2.Driver",
        "--spring.datasource.username=sa",
        "--spring.datasource.password=")) {
      HealthIndicator engine = app.getBean("processEngineHealthIndicator", HealthIndicator.class);
      assertThat(engine.health().getStatus()).isEqualTo(Status.UP);

      new JdbcTemplate(app.getBean(DataSource.class)).execute("SHUTDOWN");

      assertThat(engine.health().getStatus()).isEqualTo(Status.DOWN);
    }
  }
}

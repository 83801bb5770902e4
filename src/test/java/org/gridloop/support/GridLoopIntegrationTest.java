package org.gridloop.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.gridloop.GridLoopApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port, one engine for the suite (every test class uses the same
 * settings, so Spring reuses the context). The database is H2 in target/it-data, or PostgreSQL
 * when the run activates the postgres profile (.ci/run does). Demo mode is off so that the same
 * tests pass under the postgres profile; {@link TestLogins} gives the users tests log in as a password.
 * Mail is sent to 127.0.0.1:3025, where tests that read mail run GreenMail.
 * Process test coverage is recorded for every test class (reports under target/process-test-coverage/).
 * The job executor is off: scenario tests execute jobs themselves, with the engine clock moved.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(ProcessEngineCoverageConfiguration.class)
@SpringBootTest(classes = GridLoopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "gridloop.demo.enabled=false",
    "gridloop.org-file=" + TestLogins.ORG_FILE,
    "gridloop.admin.user=admin",
    "gridloop.admin.password=" + TestLogins.ADMIN_PASSWORD,
    "camunda.bpm.job-execution.enabled=false",
    // Mail goes to a real SMTP server on loopback: GreenMail, started by the tests that read mail.
    "spring.mail.host=127.0.0.1",
    "spring.mail.port=3025",
    // The suite is one client on 127.0.0.1 posting far more than a resident would; the limits
    // themselves are tested in ClientRateLimitTests and, over HTTP with a GridLoop of their own, in
    // RateLimitAttacks. Wrong passwords per login keep their default (LoginLockoutAttacks tests it).
    "gridloop.rate-limit.public-writes-per-minute=1000000",
    "gridloop.rate-limit.refusals-per-minute=1000000"})
public @interface GridLoopIntegrationTest {}

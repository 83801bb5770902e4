package org.gridloop.security;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link ClientRateLimit} in front of GridLoop's API, the engine REST API and the webapps'
 * API (before their login filters), right after {@link RequestBodyLimit}, which bounds the login
 * bodies it reads.
 */
@Configuration(proxyBeanMethods = false)
class ClientRateLimitConfiguration {

  static final int ORDER = RequestBodyLimitConfiguration.ORDER + 1;

  @Bean
  FilterRegistrationBean<ClientRateLimit> clientRateLimit(CurrentUser currentUser,
      @Value("${gridloop.rate-limit.public-writes-per-minute}") int writesPerMinute,
      @Value("${gridloop.rate-limit.refusals-per-minute}") int refusalsPerMinute,
      @Value("${gridloop.rate-limit.wrong-passwords-per-login}") int wrongPasswordsPerLogin,
      @Value("${gridloop.rate-limit.max-clients}") int maxClients,
      @Value("${gridloop.rate-limit.trusted-proxies}") String trustedProxies) {
    ClientRateLimit.Limits limits = new ClientRateLimit.Limits(writesPerMinute, refusalsPerMinute, wrongPasswordsPerLogin, maxClients);
    // The engine's clock, which its login delay uses too; it is the wall clock unless a test moves it.
    ClientRateLimit filter = new ClientRateLimit(limits, TrustedProxies.parse(trustedProxies), currentUser::credentials,
        () -> ClockUtil.getCurrentTime().getTime());
    FilterRegistrationBean<ClientRateLimit> registration = new FilterRegistrationBean<>(filter);
    registration.setName("gridloop-client-rate-limit");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
    registration.setOrder(ORDER);
    return registration;
  }
}

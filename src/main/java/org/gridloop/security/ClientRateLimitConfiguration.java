package org.gridloop.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link ClientRateLimit} in front of everything (before the engine REST and webapp login filters). */
@Configuration(proxyBeanMethods = false)
class ClientRateLimitConfiguration {

  @Bean
  FilterRegistrationBean<ClientRateLimit> clientRateLimit(
      @Value("${gridloop.rate-limit.public-writes-per-minute:30}") int writesPerMinute,
      @Value("${gridloop.rate-limit.refusals-per-minute:20}") int refusalsPerMinute) {
    FilterRegistrationBean<ClientRateLimit> registration =
        new FilterRegistrationBean<>(new ClientRateLimit(writesPerMinute, refusalsPerMinute, System::nanoTime));
    registration.setName("gridloop-client-rate-limit");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}

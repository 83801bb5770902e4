package org.gridloop.security;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** Puts {@link RequestBodyLimit} in front of everything: no filter or endpoint reads a body it refuses. */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimitConfiguration {

  static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

  @Bean
  FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
      @Value("${gridloop.api.max-body-size}") DataSize apiLimit,
      @Value("${gridloop.engine-rest.max-body-size}") DataSize engineLimit) {
    FilterRegistrationBean<RequestBodyLimit> registration =
        new FilterRegistrationBean<>(new RequestBodyLimit(apiLimit, engineLimit));
    registration.setName("gridloop-request-body-limit");
    registration.addUrlPatterns("/*");
    registration.setOrder(ORDER);
    return registration;
  }

  /**
   * A chunked body cut at the limit fails the engine REST API's JSON reader, which would log it
   * as an error of its own (HTTP 500); it is the client's 413, which {@link RequestBodyLimit} sends.
   */
  @Bean
  ResourceConfigCustomizer bodyTooLargeIsTheClients() {
    return config -> config.register(new BodyTooLargeMapper());
  }

  static final class BodyTooLargeMapper implements ExceptionMapper<RequestBodyLimit.BodyTooLarge> {
    @Override
    public Response toResponse(RequestBodyLimit.BodyTooLarge exception) {
      return Response.status(413).build();
    }
  }
}

package org.gridloop.org;

import java.io.IOException;
import java.io.InputStream;
import org.gridloop.system.GridLoopProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Loads the organisation file at startup: an invalid file stops the application. */
@Configuration(proxyBeanMethods = false)
class OrganisationConfiguration {

  @Bean
  Organisation organisation(GridLoopProperties properties, ResourceLoader resources) {
    String location = properties.effectiveOrgFile();
    if (location.isBlank()) {
      throw new InvalidOrganisationException(
          "No organisation file: set GRIDLOOP_ORG_FILE (gridloop.org-file) to the directory of your district");
    }
    if (!location.contains(":")) {
      location = "file:" + location;
    }
    Resource resource = resources.getResource(location);
    try (InputStream in = resource.getInputStream()) {
      return new OrganisationFileReader().read(in, location);
    } catch (IOException e) {
      throw new InvalidOrganisationException("Cannot read organisation file " + location + ": " + e.getMessage(), e);
    }
  }
}

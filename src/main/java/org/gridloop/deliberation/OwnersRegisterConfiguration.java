package org.gridloop.deliberation;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.gridloop.org.Organisation;
import org.gridloop.system.GridLoopProperties;
import org.gridloop.system.StartupRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Loads the owners register (业主名册) at startup: {@code gridloop.owners-file}
 * ({@code GRIDLOOP_OWNERS_FILE}) if set, else {@code owners-register.yaml} beside the organisation
 * file (the demo register lies beside the demo organisation). A file that is set but missing, or
 * invalid, or that names a compound the organisation does not have, stops startup; no file beside
 * the organisation file gives an empty register (no topic can then be put to a vote: proposals are
 * refused naming the scope).
 */
@Configuration(proxyBeanMethods = false)
class OwnersRegisterConfiguration {

  static final String FILE_NAME = "owners-register.yaml";
  private static final Logger LOG = LoggerFactory.getLogger(OwnersRegisterConfiguration.class);

  @Bean
  OwnersRegister ownersRegister(GridLoopProperties properties, Organisation organisation, ResourceLoader resources,
      @Value("${gridloop.owners-file:}") String ownersFile) {
    boolean explicit = !ownersFile.isBlank();
    String location = explicit ? ownersFile.strip() : besideOrganisationFile(properties.effectiveOrgFile());
    if (location == null) {
      LOG.warn("No owners register: set GRIDLOOP_OWNERS_FILE (gridloop.owners-file); topics cannot be put to a vote");
      return OwnersRegister.of(List.of());
    }
    Resource resource = resources.getResource(location.contains(":") ? location : "file:" + location);
    if (!resource.exists()) {
      if (explicit) {
        throw new StartupRefusedException("Owners register " + location + " (gridloop.owners-file) does not exist");
      }
      LOG.warn("No owners register at {}: topics cannot be put to a vote until one is there", location);
      return OwnersRegister.of(List.of());
    }
    OwnersRegister register;
    try (InputStream in = resource.getInputStream()) {
      register = OwnersRegisterReader.read(in, location);
    } catch (IOException e) {
      throw new StartupRefusedException("Cannot read the owners register " + location + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new StartupRefusedException("Invalid " + e.getMessage());
    }
    List<String> compounds = organisation.compounds().map(Organisation.Unit::id).toList();
    for (String compoundId : register.compoundIds()) {
      if (!compounds.contains(compoundId)) {
        throw new StartupRefusedException("Invalid owners register " + location + ": compound " + compoundId
            + " is not in the organisation file");
      }
    }
    LOG.info("Owners register {}: {} compounds", location, register.compoundIds().size());
    return register;
  }

  /** {@code classpath:demo/organisation.yaml} → {@code classpath:demo/owners-register.yaml}. */
  static String besideOrganisationFile(String organisationFile) {
    if (organisationFile == null || organisationFile.isBlank()) {
      return null;
    }
    int slash = organisationFile.lastIndexOf('/');
    int cut = slash >= 0 ? slash + 1 : organisationFile.indexOf(':') + 1;
    return organisationFile.substring(0, cut) + FILE_NAME;
  }
}

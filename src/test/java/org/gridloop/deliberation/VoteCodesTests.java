package org.gridloop.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VoteCodesTests {

  @Test
  void caseSpacesAndDashesOfACodeDoNotMatter() {
    assertThat(VoteCodes.normalise(" k7qm-3xpa ")).isEqualTo("K7QM3XPA");
    assertThat(VoteCodes.hash("YS-2026-000001", 1, "hxy-o01", "k7qm 3xpa"))
        .isEqualTo(VoteCodes.hash("YS-2026-000001", 1, "hxy-o01", "K7QM-3XPA"));
  }

  @Test
  void aCodeIsBoundToItsTopicRoundAndOwner() {
    String hash = VoteCodes.hash("YS-2026-000001", 1, "hxy-o01", "K7QM-3XPA");
    assertThat(hash).hasSize(64).doesNotContain("K7QM");
    assertThat(VoteCodes.hash("YS-2026-000002", 1, "hxy-o01", "K7QM-3XPA")).isNotEqualTo(hash);
    assertThat(VoteCodes.hash("YS-2026-000001", 2, "hxy-o01", "K7QM-3XPA")).isNotEqualTo(hash);
    assertThat(VoteCodes.hash("YS-2026-000001", 1, "hxy-o02", "K7QM-3XPA")).isNotEqualTo(hash);
  }

  @Test
  void theAlphabetHasNoLookAlikes() {
    assertThat(VoteCodes.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
    assertThat(Math.pow(VoteCodes.ALPHABET.length(), VoteCodes.LENGTH)).isGreaterThan(1e11);
  }

  @Test
  void theOwnersRegisterLiesBesideTheOrganisationFile() {
    assertThat(OwnersRegisterConfiguration.besideOrganisationFile("classpath:demo/organisation.yaml"))
        .isEqualTo("classpath:demo/owners-register.yaml");
    assertThat(OwnersRegisterConfiguration.besideOrganisationFile("/etc/gridloop/organisation.yaml"))
        .isEqualTo("/etc/gridloop/owners-register.yaml");
    assertThat(OwnersRegisterConfiguration.besideOrganisationFile("organisation.yaml"))
        .isEqualTo("owners-register.yaml");
    assertThat(OwnersRegisterConfiguration.besideOrganisationFile("")).isNull();
  }
}

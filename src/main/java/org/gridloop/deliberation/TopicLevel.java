package org.gridloop.deliberation;

import java.util.Locale;
import java.util.Optional;

/** The three levels a topic is deliberated at (三级议事): compound, community, street. */
public enum TopicLevel {
  /** 小区院落. */
  compound("小区院落", "Compound"),
  /** 村（社区）. */
  community("村（社区）", "Community"),
  /** 镇街. */
  street("镇街", "Street");

  private final String nameZh;
  private final String nameEn;

  TopicLevel(String nameZh, String nameEn) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  public static Optional<TopicLevel> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (TopicLevel level : values()) {
      if (level.name().equals(value.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }
}

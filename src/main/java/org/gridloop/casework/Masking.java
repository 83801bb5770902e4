package org.gridloop.casework;

/** Masks a reporter's personal data wherever it is shown beyond the people who must call them. */
public final class Masking {

  private Masking() {}

  /** 刘小红 → 刘**. */
  public static String name(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    return name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1));
  }

  /** 13912345678 → 139****5678. */
  public static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    if (phone.length() < 7) {
      return "****";
    }
    return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
  }

  /** liu.xh@resident.example → l***@resident.example. */
  public static String email(String email) {
    if (email == null) {
      return null;
    }
    int at = email.indexOf('@');
    return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
  }
}

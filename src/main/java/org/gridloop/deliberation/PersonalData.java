package org.gridloop.deliberation;

/** Masks people's names and addresses on the public record, as the case status page does. */
final class PersonalData {

    private PersonalData() {
    }

    /** 张建国 → 张**. */
    static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String trimmed = name.strip();
        int first = trimmed.offsetByCodePoints(0, 1);
        int rest = trimmed.codePointCount(first, trimmed.length());
        return trimmed.substring(0, first) + "*".repeat(Math.max(1, rest));
    }

    /** li.xiuying@gridloop.example → l***@gridloop.example. */
    static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}

package org.tongban.certificate.internal;

/**
 * A person's name as public verification shows it: enough to recognise, not enough to learn it. Chinese names
 * keep their first character (the family name): 张三 → 张*, 王小明 → 王**; other names keep their first letter and
 * their spaces: John Smith → J*** *****.
 */
final class HolderNames {

    private HolderNames() {
    }

    static String mask(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String trimmed = name.strip();
        StringBuilder masked = new StringBuilder();
        int[] codePoints = trimmed.codePoints().toArray();
        masked.appendCodePoint(codePoints[0]);
        for (int i = 1; i < codePoints.length; i++) {
            masked.append(Character.isWhitespace(codePoints[i]) ? " " : "*");
        }
        return masked.toString();
    }
}

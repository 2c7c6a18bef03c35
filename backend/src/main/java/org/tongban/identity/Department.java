package org.tongban.identity;

/** A government department taking part in the portal; {@code code} is what tokens carry. */
public record Department(String code, String nameZh, String nameEn) {
}

package org.tongban.workflow;

import java.util.Locale;

/** A text in the portal's two languages, as definitions carry them. */
public record LocalizedText(String zh, String en) implements org.tongban.shared.Localizable {

    @Override
    public String in(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) && en != null ? en : zh;
    }
}

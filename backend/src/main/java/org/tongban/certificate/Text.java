package org.tongban.certificate;

import java.util.Locale;

import org.tongban.shared.Localizable;

/** A text in Chinese and English (the English may be missing: then the Chinese is shown). */
public record Text(String zh, String en) implements Localizable {

    @Override
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : zh;
    }
}

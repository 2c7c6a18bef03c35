package org.tongban.shared;

import java.util.Locale;

/** A text that exists in several languages (a department's name, a step's name): rendered in the reader's. */
public interface Localizable {

    String in(Locale locale);
}

package org.tongban.identity;

/** The enterprise a business user acts for, as verified by the identity provider. */
public record Enterprise(String name, UnifiedSocialCreditCode uscc) {
}

package org.tongban.certificate;

/**
 * Who holds a certificate.
 *
 * @param idNumber the person's resident ID number or the enterprise's unified social credit code
 * @param name     as printed: 张三, 杭州通达科技有限公司
 * @param subject  the identity provider's subject of the person who applied, if known (not signed)
 */
public record Holder(Kind kind, String idNumber, String name, String subject) {

    /** A person (citizen) or an enterprise (legal person). */
    public enum Kind {
        PERSON, ENTERPRISE
    }

    public static Holder person(String residentIdNumber, String name, String subject) {
        return new Holder(Kind.PERSON, residentIdNumber, name, subject);
    }

    public static Holder enterprise(String uscc, String name, String subject) {
        return new Holder(Kind.ENTERPRISE, uscc, name, subject);
    }
}

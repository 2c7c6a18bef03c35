package org.tongban.certificate;

/** The issuing department revoked a certificate; the holder is to be told, with the reason. */
public record CertificateRevoked(String number, String type, Text typeName, Holder holder, String issuerDepartment,
        String reason) {
}

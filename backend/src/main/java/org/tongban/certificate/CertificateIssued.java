package org.tongban.certificate;

/** A certificate was issued (published in the issuing transaction). */
public record CertificateIssued(String number, String type, Text typeName, Holder holder, String applicationId,
        String applicationNumber) {
}

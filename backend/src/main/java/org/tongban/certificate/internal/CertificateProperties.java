package org.tongban.certificate.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tongban.certificate.*}: the keys that sign certificates.
 *
 * @param keysFile  a JWK set (JSON) of EC P-256 keys; empty = {@code <tongban.data-dir>/certificate-keys.json},
 *                  generated at the first start when missing (the demo). Production configures its own file.
 * @param activeKey the {@code kid} of the key that signs new certificates; empty = the only private key of the
 *                  file. The file's other keys (with or without their private half) only verify.
 */
@ConfigurationProperties("tongban.certificate")
record CertificateProperties(String keysFile, String activeKey) {

    boolean keysFileConfigured() {
        return keysFile != null && !keysFile.isBlank();
    }
}

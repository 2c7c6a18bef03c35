package org.tongban.certificate.internal;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the certificate module: the signing keys (registered at start-up), the seal, the PDF drawer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CertificateProperties.class)
class CertificateConfiguration {

    @Bean
    SigningKeys certificateSigningKeys(CertificateProperties properties, @Value("${tongban.data-dir}") String dataDir,
            JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new SigningKeys(properties, dataDir, jdbc, new TransactionTemplate(transactions), clock);
    }

    @Bean
    Seals certificateSeals(SigningKeys keys) {
        return new Seals(keys);
    }

    /** Reads the fonts (about 20 MB) once, at the first PDF; each PDF embeds only the glyphs it uses. */
    @Bean
    CertificatePdf certificatePdf() {
        return new CertificatePdf();
    }
}

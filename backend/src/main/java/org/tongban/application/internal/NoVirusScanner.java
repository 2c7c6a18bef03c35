package org.tongban.application.internal;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongban.application.AttachmentScanner;

/** No scanner configured: uploads are accepted unscanned, and the log says so. */
@Configuration(proxyBeanMethods = false)
class NoVirusScanner {

    private static final Logger log = LoggerFactory.getLogger(NoVirusScanner.class);

    @Bean
    @ConditionalOnMissingBean
    AttachmentScanner attachmentScanner() {
        AtomicBoolean warned = new AtomicBoolean();
        return (Path file, String mediaType) -> {
            if (warned.compareAndSet(false, true)) {
                log.warn("No virus scanner is configured: attachments are stored unscanned "
                        + "(provide an AttachmentScanner bean to scan them)");
            }
            return AttachmentScanner.Verdict.CLEAN;
        };
    }
}

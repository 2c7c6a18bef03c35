package org.tongban.application.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one person may keep (so nobody fills the disk): open drafts, documents per application and per material.
 * A file's size limit is the material's own ({@code maxSizeMb} in the definition).
 */
@ConfigurationProperties("tongban.applications")
record ApplicationLimits(@DefaultValue("20") int maxDraftsPerPerson,
        @DefaultValue("30") int maxAttachmentsPerApplication, @DefaultValue("5") int maxFilesPerMaterial) {
}

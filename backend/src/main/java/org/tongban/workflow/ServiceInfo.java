package org.tongban.workflow;

import java.util.List;

/** What a definition says about the service itself: the guidance a citizen reads (办事指南). */
public record ServiceInfo(String code, LocalizedText name, LocalizedText description, String category,
        String department, String audience, int promisedWorkingDays, LocalizedText legalBasis, LocalizedText fee,
        List<Material> materials, String certificate) {
}

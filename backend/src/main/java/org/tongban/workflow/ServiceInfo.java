package org.tongban.workflow;

import java.util.List;
import java.util.Map;

/**
 * What a definition says about the service itself: the guidance a citizen reads (办事指南).
 *
 * @param certificate the e-certificate type the service results in, if any
 * @param dataSources the datasets the service reads with the applicant's consent, by dataset code, in file order
 */
public record ServiceInfo(String code, LocalizedText name, LocalizedText description, String category,
        String department, String audience, int promisedWorkingDays, LocalizedText legalBasis, LocalizedText fee,
        List<Material> materials, String certificate, Map<String, DataSourceUse> dataSources) {

    /**
     * A dataset the service reads, and why (each read is shown to the applicant with its purpose before they agree).
     *
     * @param of null: the applicant's (or their enterprise's) own records; otherwise another source of this service
     *           whose chosen record names the person (e.g. a child chosen from the household register)
     */
    public record DataSourceUse(String dataset, LocalizedText purpose, String of) {
    }
}

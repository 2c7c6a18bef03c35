package org.tongban.application;

import java.util.Map;
import java.util.Optional;

/** Applications as other modules see them. */
public interface Applications {

    Optional<ApplicationSummary> byWorkflowInstance(String instanceId);

    /** The submitted form data, for officials' views restricted by the caller to what a step may see. */
    Map<String, Object> formData(String applicationId);
}

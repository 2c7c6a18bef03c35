package org.tongban.support;

import java.util.Map;
import java.util.UUID;

import org.tongban.workflow.Actor;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.WorkflowDefinitions;
import org.tongban.workflow.WorkflowEngine;

/** Starting a workflow without an application, as the engine's own tests do: on the newest version, no 办件. */
public final class Workflows {

    private Workflows() {
    }

    public static InstanceView start(WorkflowEngine engine, WorkflowDefinitions definitions, String serviceCode,
            Map<String, ?> formData, Actor applicant) {
        int version = definitions.latest(serviceCode).orElseThrow().version();
        @SuppressWarnings("unchecked")
        Map<String, Object> form = (Map<String, Object>) formData;
        return engine.start(new WorkflowEngine.Start(serviceCode, version, null,
                "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT), applicant,
                "测试申请人", form));
    }
}

package org.tongban.workflow.internal;

import java.util.List;
import java.util.Locale;

import org.tongban.workflow.Step;
import org.tongban.workflow.WorkflowDefinition;

/** Renders a definition as a Mermaid state diagram, for the portal and the documentation. */
public final class MermaidDiagram {

    private MermaidDiagram() {
    }

    public static String render(WorkflowDefinition definition, Locale locale) {
        boolean en = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        StringBuilder out = new StringBuilder("stateDiagram-v2\n");
        definition.allSteps().values().forEach(step -> {
            if (step.name() != null) {
                out.append("    state \"").append(escape(step.name().in(locale))).append("\" as ").append(id(step.id()))
                        .append('\n');
            }
        });
        out.append("    [*] --> ").append(id(definition.start())).append('\n');
        for (Step step : definition.steps().values()) {
            if (step instanceof Step.Task task) {
                edge(out, task.id(), task.next(), en ? "approve" : "通过");
                edge(out, task.id(), "rejected", en ? "reject" : "不予办理");
                for (String back : task.returnTo()) {
                    edge(out, task.id(), back, en ? "return" : "退回");
                }
                if (task.correction()) {
                    edge(out, task.id(), task.id(), en ? "correction" : "补正");
                }
            } else if (step instanceof Step.Decision decision) {
                out.append("    state ").append(id(decision.id())).append(" <<choice>>\n");
                for (Step.Rule rule : decision.when()) {
                    edge(out, decision.id(), rule.next(), rule.condition());
                }
                edge(out, decision.id(), decision.otherwise(), en ? "otherwise" : "其他情况");
            } else if (step instanceof Step.Automatic automatic) {
                edge(out, automatic.id(), automatic.next(), automatic.action());
            } else if (step instanceof Step.Parallel parallel) {
                out.append("    state ").append(id(parallel.id())).append(" {\n");
                boolean first = true;
                for (List<Step.Task> tasks : parallel.branches().values()) {
                    if (!first) {
                        out.append("        --\n");
                    }
                    first = false;
                    String previous = "[*]";
                    for (Step.Task task : tasks) {
                        out.append("        ").append(previous).append(" --> ").append(id(task.id())).append('\n');
                        previous = id(task.id());
                    }
                    out.append("        ").append(previous).append(" --> [*]\n");
                }
                out.append("    }\n");
                edge(out, parallel.id(), parallel.next(), en ? "all approved" : "全部通过");
                edge(out, parallel.id(), parallel.rejectionRequestsCorrection() ? parallel.id() : "rejected",
                        en ? (parallel.rejectionRequestsCorrection() ? "correction" : "reject")
                                : (parallel.rejectionRequestsCorrection() ? "补正" : "不予办理"));
            }
        }
        for (String outcome : List.of("approved", "rejected", "withdrawn")) {
            out.append("    ").append(outcome).append(" --> [*]\n");
        }
        return out.toString();
    }

    private static void edge(StringBuilder out, String from, String to, String label) {
        out.append("    ").append(id(from)).append(" --> ").append(id(to)).append(" : ").append(escape(label))
                .append('\n');
    }

    private static String id(String stepId) {
        return stepId.replace('-', '_');
    }

    private static String escape(String text) {
        return text.replace("\"", "'").replace(":", "：").replace("\n", " ");
    }
}

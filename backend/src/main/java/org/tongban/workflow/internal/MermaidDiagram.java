package org.tongban.workflow.internal;

import java.util.List;
import java.util.Locale;

import org.tongban.workflow.Step;

/** Renders a definition as a Mermaid state diagram, for the portal and the documentation. */
public final class MermaidDiagram {

    private MermaidDiagram() {
    }

    public static String render(WorkflowDefinition definition, Locale locale) {
        // the labels come from the message bundle, so the diagram speaks the reader's language
        java.util.ResourceBundle text = java.util.ResourceBundle.getBundle("i18n/messages",
                Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT,
                java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
        StringBuilder out = new StringBuilder("stateDiagram-v2\n");
        definition.allSteps().values().forEach(step -> {
            if (step.name() != null) {
                out.append("    state \"").append(escape(step.name().in(locale))).append("\" as ").append(id(step.id()))
                        .append('\n');
            }
        });
        out.append("    state \"").append(text.getString("workflow.diagram.approved")).append("\" as approved\n");
        out.append("    state \"").append(text.getString("workflow.diagram.rejected")).append("\" as rejected\n");
        out.append("    state \"").append(text.getString("workflow.diagram.withdrawn")).append("\" as withdrawn\n");
        definition.ends().values().forEach(end -> out.append("    state \"").append(escape(end.name().in(locale)))
                .append("\" as ").append(id(end.id())).append('\n'));
        out.append("    [*] --> ").append(id(definition.start())).append('\n');
        for (Step step : definition.steps().values()) {
            if (step instanceof Step.Task task) {
                edge(out, task.id(), task.next(), text.getString("workflow.diagram.approve"));
                edge(out, task.id(), task.onReject() == null ? "rejected" : task.onReject(),
                        text.getString("workflow.diagram.reject"));
                for (String back : task.returnTo()) {
                    edge(out, task.id(), back, text.getString("workflow.diagram.return"));
                }
                if (task.correction()) {
                    edge(out, task.id(), task.id(), text.getString("workflow.diagram.correction"));
                }
                if (task.escalation() != null && task.escalation().step() != null) {
                    edge(out, task.id(), task.escalation().step(), text.getString("workflow.diagram.escalated"));
                }
            } else if (step instanceof Step.Applicant applicant) {
                edge(out, applicant.id(), applicant.next(), text.getString("workflow.diagram.confirmed"));
                if (applicant.reopenTo() != null) {
                    edge(out, applicant.id(), applicant.reopenTo(), text.getString("workflow.diagram.reopened"));
                }
            } else if (step instanceof Step.Decision decision) {
                out.append("    state ").append(id(decision.id())).append(" <<choice>>\n");
                for (Step.Rule rule : decision.when()) {
                    edge(out, decision.id(), rule.next(), rule.condition());
                }
                edge(out, decision.id(), decision.otherwise(), text.getString("workflow.diagram.otherwise"));
            } else if (step instanceof Step.Automatic automatic) {
                edge(out, automatic.id(), automatic.next(), "issue-certificate".equals(automatic.action())
                        ? text.getString("workflow.diagram.certificate-issued") : text.getString("workflow.diagram.notified"));
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
                edge(out, parallel.id(), parallel.next(), text.getString("workflow.diagram.all-approved"));
                edge(out, parallel.id(), parallel.rejectionRequestsCorrection() ? parallel.id() : "rejected",
                        text.getString(parallel.rejectionRequestsCorrection() ? "workflow.diagram.correction"
                                : "workflow.diagram.reject"));
            }
        }
        for (String outcome : List.of("approved", "rejected", "withdrawn")) {
            out.append("    ").append(outcome).append(" --> [*]\n");
        }
        definition.ends().keySet().forEach(end -> out.append("    ").append(id(end)).append(" --> [*]\n"));
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

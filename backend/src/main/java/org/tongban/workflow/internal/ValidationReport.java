package org.tongban.workflow.internal;

import java.util.List;
import java.util.Optional;

/** The outcome of validating one definition file: the definition, if it is usable, and any problems. */
public record ValidationReport(String file, Optional<WorkflowDefinition> definition, List<DefinitionProblem> problems) {

    public boolean valid() {
        return definition.isPresent() && problems.stream().noneMatch(p -> p.severity() == DefinitionProblem.Severity.ERROR);
    }

    public List<DefinitionProblem> errors() {
        return problems.stream().filter(p -> p.severity() == DefinitionProblem.Severity.ERROR).toList();
    }
}

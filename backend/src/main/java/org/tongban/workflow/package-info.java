/**
 * Workflow: how an application moves through departments. Owns the workflow definitions (YAML files
 * in {@code workflows/}, validated, versioned, rendered as state diagrams, imported from DIGIT and
 * BPMN files by {@code import-workflow}), the engine that runs
 * applications through them on Spring Statemachine (nothing outside this module may touch it),
 * the business calendar and the time limits of every step.
 *
 * <p>The API is small: {@link org.tongban.workflow.WorkflowEngine} starts an application on a
 * definition version, fires an event as an actor and reads the current steps;
 * {@link org.tongban.workflow.WorkflowDefinitions} lists and validates definitions;
 * {@link org.tongban.workflow.WorkflowMigrations} moves running applications to a later version (迁移).
 * Everything that happens is announced as an event through the event publication registry.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow",
        allowedDependencies = {"identity", "web", "shared"})
package org.tongban.workflow;

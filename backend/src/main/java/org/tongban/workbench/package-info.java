/**
 * Workbench (工作台): the clerks' side. Owns the department queues sorted by deadline with their green / yellow / red
 * lights (paged and searched in the database), claiming and releasing steps (reassignment by department admins), the
 * task view limited to what the step may see — its answers, its documents and the departments' shared records with
 * their provenance, every opening recorded in the person's data-use record — and the decisions: approve, reject,
 * request correction, return to an earlier step.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workbench",
        allowedDependencies = {"application", "workflow", "exchange", "audit", "identity", "web", "shared"})
package org.tongban.workbench;

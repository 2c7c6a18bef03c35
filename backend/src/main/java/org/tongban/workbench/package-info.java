/**
 * Workbench (工作台): the clerks' side. Owns the department queues sorted by deadline with their
 * green / yellow / red lights, claiming and releasing steps (reassignment by department admins), the
 * task view restricted to the fields the step may see (every opening recorded in the audit log) and
 * the decisions: approve, reject, request correction, return to an earlier step.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workbench")
package org.tongban.workbench;

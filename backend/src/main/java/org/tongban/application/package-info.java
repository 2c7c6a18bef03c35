/**
 * Application (办件): what a citizen or business applies for. At its centre the {@code Application} aggregate
 * (status, answers, open corrections) and the one service that changes it — the module's only caller of the
 * workflow engine and only writer of an application's status. Owns drafts (answers checked on the server against
 * the service's JSON Schema, verified identity filled in and locked), documents, numbered idempotent submission,
 * the applicant's list and timeline, corrections of flagged items only, withdrawal, and the department admins' moves
 * of running applications to a later workflow version (迁移: a dry run, then one transaction per application, with the
 * answers checked against the new form). Applications belong to the person, or for businesses to the enterprise;
 * anyone else gets 404.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Application",
        allowedDependencies = {"certificate", "workflow", "exchange", "audit", "identity", "web", "shared"})
package org.tongban.application;

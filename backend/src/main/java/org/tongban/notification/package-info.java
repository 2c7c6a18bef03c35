/**
 * Notification: tells people what happened — an in-app inbox for everyone (and a department inbox shared by its
 * clerks) and e-mail to applicants — for submissions, correction requests, approved steps, notices of notify steps,
 * decisions, certificates issued and revoked, reassignments and time limits. Inbox entries are written in the
 * transaction of their cause (just before it commits), from events that carry what the text needs; e-mail goes out
 * after commit through the event publication registry, retried while the mail server is down, only when one is
 * configured.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification",
        allowedDependencies = {"rating", "certificate", "application", "workbench", "workflow", "identity", "web", "shared"})
package org.tongban.notification;

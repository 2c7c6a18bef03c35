/**
 * Notification: tells people what happened — an in-app inbox for everyone (and a department inbox
 * for its clerks) and e-mail to applicants — for submissions, correction requests, approved steps,
 * decisions and time-limit warnings. Driven by the workflow's events after they commit; a mail
 * server that is down only delays mail: undelivered events are retried.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.tongban.notification;

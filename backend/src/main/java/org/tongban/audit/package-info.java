/**
 * Audit: the record of every opening of a person's data by an official (who, when, which
 * application, which fields, why), kept so the person can see it and the platform can audit it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.tongban.audit;

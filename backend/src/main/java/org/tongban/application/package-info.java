/**
 * Application (办件): what a citizen or business applies for. Owns drafts, the form data (validated
 * on the server against the service's JSON Schema, with the fields the identity provider already
 * knows filled in and locked), submission with an idempotency key and a human-readable number
 * (办件编号), the applicant's list and timeline, corrections and withdrawal. Applications belong to
 * the person, or for businesses to the enterprise; anyone else gets 404.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Application")
package org.tongban.application;

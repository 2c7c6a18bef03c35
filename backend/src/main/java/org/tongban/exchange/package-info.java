/**
 * Exchange (数据共享): the data departments hold, shared so that nobody is asked for it twice. Owns the registers
 * behind the data catalogue (the household register, business registrations, insurance and vaccination records;
 * e-certificates through the certificate module), the reads an application makes with the applicant's consent and
 * the records a workflow writes, each bound to the application with its provenance, and the API department systems
 * use to keep their registers. Every read for an application is recorded in the person's data-use record in the same
 * transaction; no other module reads these tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange",
        allowedDependencies = {"certificate", "workflow", "audit", "identity", "web", "shared"})
package org.tongban.exchange;

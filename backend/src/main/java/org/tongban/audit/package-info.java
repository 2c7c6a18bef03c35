/**
 * Audit: the record of every use of a person's or an enterprise's data — an official opening an
 * application's step or document, a department reading another department's register through the data
 * exchange, a certificate look-up, a record written about the person — with who, which department, when,
 * what data, why and for which application. Recorded in the transaction of the read; the person sees their
 * own record (我的数据使用记录, officials not named).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
        allowedDependencies = {"identity", "web", "shared"})
package org.tongban.audit;

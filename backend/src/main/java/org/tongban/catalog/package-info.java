/**
 * Catalogue (办事服务): the services citizens and businesses can apply for, by category, department,
 * audience and keyword, and each service's guidance (办事指南): materials, fee, legal basis, promised
 * working days, the departments and steps. Read from the published workflow definitions; public.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue",
        allowedDependencies = {"workflow", "identity", "web"})
package org.tongban.catalog;

package org.tongban.identity;

/**
 * A platform admin renamed a department. Published in the renaming transaction through the event
 * publication registry, so listeners (the audit log, the catalogue) never miss it.
 */
public record DepartmentRenamed(String code, String nameZh, String nameEn, String renamedBy) {
}

package org.tongban.identity;

import java.util.Arrays;
import java.util.Optional;

/** The portal's roles, as realm roles of the identity provider. */
public enum Role {
    /** 群众: applies for services for themselves. */
    CITIZEN("citizen"),
    /** 企业: acts for an enterprise identified by its unified social credit code. */
    BUSINESS("business"),
    /** 窗口人员: processes the queue of their department's workflow steps. */
    CLERK("clerk"),
    /** 部门管理员: defines and publishes their department's services and workflows. */
    DEPT_ADMIN("dept-admin"),
    /** 平台管理员: departments, catalogue, audit log. */
    ADMIN("admin");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    /** The realm role name, as it appears in tokens. */
    public String code() {
        return code;
    }

    /** The Spring Security authority: {@code ROLE_<code>}, so {@code hasRole("clerk")} works. */
    public String authority() {
        return "ROLE_" + code;
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(role -> role.code.equals(code)).findFirst();
    }
}

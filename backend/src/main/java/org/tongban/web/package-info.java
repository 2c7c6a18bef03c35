/**
 * Web: what every HTTP answer of the portal has in common. Owns RFC 9457 problem responses
 * (stable {@code type}, localized title and detail, never a stack trace), the request locale
 * (zh-CN first, en-US second) and serving the React single-page app with its client-side routes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web",
        allowedDependencies = {"shared"})
package org.tongban.web;

/**
 * Shared kernel: the few types every module may use without depending on another module's inside.
 * Today that is how a domain rule says "no": {@link org.tongban.shared.DomainException} with a
 * {@link org.tongban.shared.ProblemCode}, which the {@code web} module turns into an RFC 9457 problem.
 * Nothing here knows HTTP.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.tongban.shared;

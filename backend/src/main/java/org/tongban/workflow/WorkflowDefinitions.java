package org.tongban.workflow;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The published workflow definitions, their versions and diagrams. */
public interface WorkflowDefinitions {

    /** Validates a definition file without publishing it. */
    ValidationReport validate(String file, String yaml);

    /**
     * Publishes a definition: a new version when its content changed, the existing version
     * otherwise. Applications already running stay on the version they started with. A service that
     * exists may only be published by its owning department's admins (or the platform admin) and keeps
     * its department: moving it is {@link #transfer}.
     *
     * @throws InvalidDefinitionException when it does not validate
     * @throws org.tongban.shared.DomainException {@link WorkflowProblem#NOT_OWNER}, {@link WorkflowProblem#DEPARTMENT_CHANGE}
     */
    PublishedDefinition publish(String file, String yaml, Publisher publisher);

    /**
     * Seeds a service from a file shipped in the jar: published when the service has no version yet, or
     * when the shipped file changed and every version so far came from shipped files. A version a
     * department published stays in force.
     */
    PublishedDefinition seed(String file, String yaml);

    /**
     * The platform admin moves a service to another department: a new version of the newest file with
     * the service's department changed, recorded with the reason. Steps keep the departments they name.
     */
    PublishedDefinition transfer(String serviceCode, String department, String reason, Publisher platformAdmin);

    Optional<PublishedDefinition> latest(String serviceCode);

    Optional<PublishedDefinition> version(String serviceCode, int version);

    /** The newest version of every service. */
    List<PublishedDefinition> latestOfEach();

    /** The definition as a Mermaid state diagram. */
    String diagram(PublishedDefinition definition, Locale locale);
}

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
     * otherwise. Applications already running stay on the version they started with.
     *
     * @throws InvalidDefinitionException when it does not validate
     */
    PublishedDefinition publish(String file, String yaml, String publishedBy);

    Optional<PublishedDefinition> latest(String serviceCode);

    Optional<PublishedDefinition> version(String serviceCode, int version);

    /** The newest version of every service. */
    List<PublishedDefinition> latestOfEach();

    /** The definition as a Mermaid state diagram. */
    String diagram(PublishedDefinition definition, Locale locale);
}

package org.tongban.workflow;

import java.util.List;
import java.util.Optional;

/**
 * The published workflow definitions and their versions, read-only. Publishing is the workflow module's own
 * business (its administration pages and the files shipped in the jar).
 */
public interface WorkflowDefinitions {

    Optional<PublishedDefinition> latest(String serviceCode);

    Optional<PublishedDefinition> version(String serviceCode, int version);

    /** The newest version of every service. */
    List<PublishedDefinition> latestOfEach();

    /** The data catalogue the definitions are checked against. */
    DataCatalogue catalogue();
}

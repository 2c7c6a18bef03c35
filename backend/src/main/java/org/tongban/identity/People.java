package org.tongban.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The person directory: officials' names for the subjects that the workflow, the workbench and the
 * administration pages store, and the clerks of a department. Only officials who have signed in at
 * least once are known; an unknown subject has no name (callers show something neutral instead).
 */
public interface People {

    Optional<Official> find(String subject);

    /** The display name of an official, if the directory knows them. */
    default Optional<String> displayName(String subject) {
        return subject == null ? Optional.empty() : find(subject).map(Official::displayName);
    }

    /** Display names of the known subjects among these (one query); unknown ones are left out. */
    Map<String, String> displayNames(Collection<String> subjects);

    /** The officials of a department who hold the role, by name; those who never signed in are not listed. */
    List<Official> inDepartment(String department, Role role);
}

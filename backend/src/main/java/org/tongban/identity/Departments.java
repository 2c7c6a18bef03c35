package org.tongban.identity;

import java.util.List;
import java.util.Optional;

/** The department directory. */
public interface Departments {

    List<Department> all();

    Optional<Department> byCode(String code);
}

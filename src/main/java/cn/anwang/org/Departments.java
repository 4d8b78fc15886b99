package cn.anwang.org;

import java.util.List;
import java.util.Optional;

/** Read access to departments, unscoped: callers apply the user's scope themselves. */
public interface Departments {

  /** The department with this code, active or not. */
  Optional<Department> find(String code);

  /** The active departments of a district followed by the active city-level ones, by code. */
  List<Department> activeFor(String districtCode);
}

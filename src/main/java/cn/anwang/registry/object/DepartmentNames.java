package cn.anwang.registry.object;

import cn.anwang.org.Department;
import cn.anwang.org.Departments;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Department names for the pages, from the {@code org} module; a code org does not know (deleted,
 * or set by hand before it existed) stands for itself.
 */
@Component
class DepartmentNames {

  private final Departments departments;

  DepartmentNames(Departments departments) {
    this.departments = departments;
  }

  /** code → name for every code given. */
  Map<String, String> of(Collection<String> codes) {
    Map<String, String> names = new LinkedHashMap<>();
    for (String code : codes) {
      names.computeIfAbsent(code, c -> departments.find(c).map(Department::name).orElse(c));
    }
    return names;
  }

  /** The active departments an object in the district may be given by hand. */
  List<Department> choicesFor(String districtCode) {
    return departments.activeFor(districtCode);
  }
}

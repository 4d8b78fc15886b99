package cn.anwang.area.division;

import cn.anwang.area.Division;
import cn.anwang.area.Divisions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class DivisionService implements Divisions {

  private final DivisionRepository divisions;

  DivisionService(DivisionRepository divisions) {
    this.divisions = divisions;
  }

  @Override
  public Optional<Division> find(String code) {
    return code == null ? Optional.empty() : divisions.find(code);
  }

  @Override
  public List<Division> children(String code) {
    return divisions.children(code);
  }

  @Override
  public List<Division> path(String code) {
    List<Division> path = new ArrayList<>();
    Optional<Division> current = find(code);
    while (current.isPresent()) {
      path.add(current.get());
      current = find(current.get().parentCode());
    }
    Collections.reverse(path);
    return path;
  }

  @Override
  public List<Division> search(String text, String rootCode, int limit) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return divisions.search(text.strip(), rootCode, limit);
  }
}

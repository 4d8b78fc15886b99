package cn.anwang.area;

import java.util.List;
import java.util.Optional;

/** Read access to the division tree, unscoped: callers apply the user's scope themselves. */
public interface Divisions {

  Optional<Division> find(String code);

  /** The children of a division in code order. */
  List<Division> children(String code);

  /** The division and its ancestors, from the city down to it. */
  List<Division> path(String code);

  /** Divisions whose name contains the text, or whose code starts with it, under a root. */
  List<Division> search(String text, String rootCode, int limit);
}

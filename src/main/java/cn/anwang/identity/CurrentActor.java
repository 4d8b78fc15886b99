package cn.anwang.identity;

import java.util.Optional;

/** Who is calling. Every scoped query starts here. */
public interface CurrentActor {

  /** The authenticated user, or empty outside a request or for anonymous callers. */
  Optional<Actor> current();

  /** The authenticated user; throws Spring Security's {@code AccessDeniedException} if none. */
  Actor require();
}

package cn.anwang.identity;

import java.util.Optional;

/**
 * Port through which identity learns about divisions without depending on the module that owns them
 * ({@code area} implements it).
 */
public interface Territories {

  /** The division with this code, if it exists. */
  Optional<Territory> find(String code);

  /**
   * A division as identity needs it.
   *
   * @param code statistical division code ("12" for the city)
   * @param name Chinese name
   * @param level one of {@code city}, {@code district}, {@code street}, {@code village}
   */
  record Territory(String code, String name, String level) {}
}

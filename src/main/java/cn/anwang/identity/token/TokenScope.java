package cn.anwang.identity.token;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a token may do: READ only the safe methods, WRITE everything its user may do. */
public enum TokenScope {
  READ,
  WRITE;

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  /** Whether a request with this HTTP method is allowed under this scope. */
  public boolean allows(String method) {
    return this == WRITE || SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT));
  }

  /** Whether the method only reads (GET, HEAD, OPTIONS). */
  public static boolean isSafe(String method) {
    return SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT));
  }

  static Optional<TokenScope> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

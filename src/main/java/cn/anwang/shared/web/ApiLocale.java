package cn.anwang.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.HttpHeaders;

/**
 * The language of the API's texts: the request's {@code Accept-Language} where it asks for Chinese
 * or English, else English. Pages follow the user's chosen locale (Chinese by default) instead; the
 * API keeps English as its default so scripts and existing clients see what they always saw.
 */
public final class ApiLocale {

  private ApiLocale() {}

  public static Locale of(HttpServletRequest request) {
    return of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
  }

  /** The first supported language in the header's preference order. */
  public static Locale of(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return Locale.ENGLISH;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
        if (range.getWeight() == 0) {
          continue;
        }
        String tag = range.getRange();
        if (tag.equals("zh") || tag.startsWith("zh-")) {
          return Locale.SIMPLIFIED_CHINESE;
        }
        if (tag.equals("en") || tag.startsWith("en-")) {
          return Locale.ENGLISH;
        }
      }
    } catch (IllegalArgumentException e) {
      // a malformed header is no reason to fail the request
    }
    return Locale.ENGLISH;
  }
}

package cn.anwang.assessment.scheme;

import cn.anwang.shared.web.ApiLocale;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Texts of the schemes and score sheets in the reader's language: on the API the request's {@code
 * Accept-Language}, on the pages the chosen locale.
 */
@Component
public class SchemeTexts {

  private final MessageSource messages;

  SchemeTexts(MessageSource messages) {
    this.messages = messages;
  }

  public String text(String key, Object... args) {
    return messages.getMessage(key, args, locale());
  }

  /** The reader's language. */
  public static Locale locale() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
        && a.getRequest().getRequestURI().startsWith("/api/")) {
      return ApiLocale.of(a.getRequest());
    }
    return LocaleContextHolder.getLocale();
  }
}

package cn.anwang.assessment.web;

import cn.anwang.assessment.indicator.Indicator;
import cn.anwang.shared.web.ApiLocale;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** An indicator with its texts in the reader's language, for the API and the pages. */
@Component
class IndicatorTexts {

  /**
   * @param formula numerator ÷ denominator in words, with × 100 where the unit has it
   */
  record View(
      String code,
      String name,
      String definition,
      String numerator,
      String denominator,
      String formula,
      Indicator.Unit unit,
      Indicator.Direction better,
      String finest,
      boolean current,
      List<String> facts) {}

  private final MessageSource messages;

  IndicatorTexts(MessageSource messages) {
    this.messages = messages;
  }

  View view(Indicator i) {
    String numerator = text(i, "numerator");
    String denominator = text(i, "denominator");
    String formula =
        switch (i.unit()) {
          case PERCENT -> numerator + " ÷ " + denominator + " × 100%";
          case PER_HUNDRED -> numerator + " × 100 ÷ " + denominator;
          case HOURS -> text(i, "formula");
        };
    return new View(
        i.code(),
        text(i, "name"),
        text(i, "definition"),
        numerator,
        denominator,
        formula,
        i.unit(),
        i.better(),
        i.finest().name(),
        i.current(),
        i.facts());
  }

  List<View> views(List<Indicator> indicators) {
    return indicators.stream().map(this::view).toList();
  }

  private String text(Indicator i, String part) {
    return messages.getMessage("assessment.indicator." + i.code() + "." + part, null, locale());
  }

  /**
   * The reader's language: on the API the request's {@code Accept-Language} ({@link ApiLocale}), on
   * the pages the chosen locale.
   */
  static Locale locale() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
        && a.getRequest().getRequestURI().startsWith("/api/")) {
      // a page's link (the Excel export) names the page's language
      String lang = a.getRequest().getParameter("lang");
      if (lang != null && !lang.isBlank()) {
        return ApiLocale.of(lang);
      }
      return ApiLocale.of(a.getRequest());
    }
    return LocaleContextHolder.getLocale();
  }
}

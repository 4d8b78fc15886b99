package cn.anwang.assessment.report;

import cn.anwang.assessment.indicator.Figure;
import cn.anwang.assessment.indicator.Indicator;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts of a report in the report's language (not the request's: the scheduler has none), and
 * the figures' arithmetic shared by the sections.
 */
@Component
class ReportTexts {

  private final MessageSource messages;

  ReportTexts(MessageSource messages) {
    this.messages = messages;
  }

  String text(Locale locale, String key, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  String indicator(Indicator i, String part, Locale locale) {
    return messages.getMessage("assessment.indicator." + i.code() + "." + part, null, locale);
  }

  /** The formula in words, as on the indicator page. */
  String formula(Indicator i, Locale locale) {
    String numerator = indicator(i, "numerator", locale);
    String denominator = indicator(i, "denominator", locale);
    return switch (i.unit()) {
      case PERCENT -> numerator + " ÷ " + denominator + " × 100%";
      case PER_HUNDRED -> numerator + " × 100 ÷ " + denominator;
      case HOURS -> indicator(i, "formula", locale);
    };
  }

  /** The value now minus the value before, to two decimals; null when either is missing. */
  static Double change(Figure now, Figure before) {
    if (now == null || before == null || now.value() == null || before.value() == null) {
      return null;
    }
    return Math.round((now.value() - before.value()) * 100) / 100.0;
  }

  static Double value(Figure f) {
    return f == null ? null : f.value();
  }
}

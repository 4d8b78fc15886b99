package cn.anwang.casework.web;

import cn.anwang.shared.calendar.TrafficLight;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Small helpers the case templates call: Beijing time and the light's Bootstrap colour. */
public final class PageFormat {

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingCalendar.CHINA);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(WorkingCalendar.CHINA);

  public String at(Instant instant) {
    return instant == null ? "" : MINUTES.format(instant);
  }

  /** An instant kept as text in a timeline line's data. */
  public String atText(Object iso) {
    try {
      return iso == null ? "" : at(Instant.parse(iso.toString()));
    } catch (java.time.format.DateTimeParseException e) {
      return iso.toString();
    }
  }

  public String day(Instant instant) {
    return instant == null ? "" : DAY.format(instant);
  }

  /** {@code success}, {@code warning} or {@code danger} (secondary when there is no clock). */
  public String colour(TrafficLight light) {
    if (light == null) {
      return "secondary";
    }
    return switch (light) {
      case GREEN -> "success";
      case YELLOW -> "warning";
      case RED -> "danger";
    };
  }
}

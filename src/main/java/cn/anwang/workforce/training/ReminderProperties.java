package cn.anwang.workforce.training;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Certificate expiry reminders ({@code anwang.training.reminders.*}).
 *
 * @param dailyAt when the daily scan runs, in {@code zone} (default 07:30)
 * @param zone the zone of {@code dailyAt} and of "today" (default Asia/Shanghai)
 * @param leadDays how many days before expiry to remind, e.g. [30, 7]: a certificate gets one
 *     reminder per lead, the smallest lead it has reached
 */
@ConfigurationProperties("anwang.training.reminders")
record ReminderProperties(LocalTime dailyAt, ZoneId zone, List<Integer> leadDays) {

  ReminderProperties {
    dailyAt = dailyAt == null ? LocalTime.of(7, 30) : dailyAt;
    zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    leadDays =
        leadDays == null || leadDays.isEmpty()
            ? List.of(30, 7)
            : leadDays.stream().filter(d -> d != null && d > 0).distinct().sorted().toList();
    if (leadDays.isEmpty()) {
      throw new IllegalArgumentException(
          "anwang.training.reminders.lead-days must hold positive days");
    }
  }
}

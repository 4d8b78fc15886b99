package cn.anwang.casework.reminder;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reminder scan ({@code anwang.casework.reminders.*}). The rules themselves (early share and
 * hours, escalation days) are rows of {@code case_reminder_rule}.
 *
 * @param scanEvery how often the db-scheduler task scans (one server at a time)
 * @param lookahead how far ahead of a stage deadline a case is looked at for the early reminder; a
 *     stage longer than about five times this gets its early reminder at this distance at the
 *     latest instead of at its share
 * @param serverName recorded with each claim; defaults to the JVM's name and a random suffix
 */
@ConfigurationProperties("anwang.casework.reminders")
record ReminderProperties(
    @DefaultValue("1m") Duration scanEvery,
    @DefaultValue("45d") Duration lookahead,
    String serverName) {}

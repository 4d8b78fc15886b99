package cn.anwang.casework.reminder;

import java.util.Locale;

/** The reminders a stage instance can get, each at most once. */
enum ReminderKind {
  /** before the deadline: the early share of the working time used, or few working hours left */
  EARLY("case.reminder.early"),
  /** the deadline passed */
  OVERDUE("case.reminder.overdue"),
  /** overdue for the escalation days: the district administrators are told */
  ESCALATE_DISTRICT("case.escalated"),
  /** overdue for the escalation days above the district: the city administrators are told */
  ESCALATE_CITY("case.escalated");

  private final String webhookKind;

  ReminderKind(String webhookKind) {
    this.webhookKind = webhookKind;
  }

  String webhookKind() {
    return webhookKind;
  }

  /** The notification's kind and the message key of its text. */
  String notificationKind() {
    return "casework.reminder." + name().toLowerCase(Locale.ROOT);
  }

  String messageKey() {
    return "casework.reminder." + name();
  }

  boolean escalation() {
    return this == ESCALATE_DISTRICT || this == ESCALATE_CITY;
  }

  /** The level an escalation goes to. */
  String level() {
    return this == ESCALATE_CITY ? "CITY" : "DISTRICT";
  }
}

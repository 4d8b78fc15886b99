/**
 * Working days on the Chinese calendar (statutory holidays and make-up working days), deadlines
 * counted in working days, the share of working time used and the traffic light it gives. Pure
 * code; the schedules shipped for the years that could be sourced are in {@code
 * calendar/cn-public-holidays.csv}.
 */
package cn.anwang.shared.calendar;

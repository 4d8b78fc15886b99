/**
 * Training and certification (培训与持证): courses, sessions with attendance and exam scores,
 * certificates issued on passing, the annual plan per district with its coverage, expiry reminders
 * on the scheduler and the import of training records. Internal to the workforce module.
 */
package cn.anwang.workforce.training;

package cn.anwang.notification;

import java.util.List;

/** Sends notifications to users. */
public interface Notifications {

  /**
   * Puts an in-app notification in the user's bell, once: a second call with the same user and
   * {@code dedupKey} does nothing. Runs in the caller's transaction.
   *
   * @param kind what it is about, e.g. {@code training.certificate-expiring}
   * @param messageKey a message key (rendered in the reader's language when shown)
   * @param args the message's arguments, as text
   * @param link a page path inside the application, or null
   * @param dedupKey names this notification among the user's, e.g. {@code cert-expiry:42:30d}
   * @return whether a notification was created (false: it had been sent already)
   */
  boolean notify(
      long userId, String kind, String messageKey, List<String> args, String link, String dedupKey);
}

package cn.anwang.notification;

import java.util.List;

/**
 * E-mails through the outbox: enqueued in the caller's transaction, delivered afterwards by the
 * outbox task over the configured SMTP server (at least once, with retries).
 */
public interface Emails {

  /**
   * Enqueues an e-mail to a user, rendered now in the user's language (Chinese unless the user
   * chose English), once per idempotency key.
   *
   * @param messageKey the text's message key; its arguments are {@code args}
   * @param link a page path inside the application (made absolute with the base URL), or null
   * @param idempotencyKey names this e-mail, e.g. {@code case-reminder:42:...:OVERDUE}
   * @return whether a row was enqueued (false: the user has no address, or it was enqueued before)
   */
  boolean enqueue(
      long userId, String messageKey, List<String> args, String link, String idempotencyKey);
}

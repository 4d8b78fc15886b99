package cn.anwang.notification.inapp;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * A user's own in-app notifications: newest first, unread count, marking read. Every method takes
 * the user's id and touches only that user's rows, so someone else's notification is "not found".
 * Texts are rendered from the message key and arguments in the reader's language.
 */
@Service
class InAppInbox {

  /** A notification as the reader sees it. */
  record Item(
      long id,
      String kind,
      String message,
      String link,
      OffsetDateTime createdAt,
      OffsetDateTime readAt,
      boolean read) {}

  record Page(List<Item> items, int page, int size, long total, long unread) {}

  private static final TypeReference<List<String>> ARGS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final MessageSource messages;
  private final ObjectMapper json;

  InAppInbox(JdbcClient jdbc, MessageSource messages, ObjectMapper json) {
    this.jdbc = jdbc;
    this.messages = messages;
    this.json = json;
  }

  Page list(long userId, boolean unreadOnly, int page, int size, Locale locale) {
    int p = Math.max(page, 0);
    int s = Math.max(1, Math.min(size, 200));
    List<Item> items =
        jdbc.sql(
                """
                SELECT id, kind, message_key, message_args::text, link, created_at, read_at
                  FROM notification
                 WHERE user_id = :user AND (NOT :unread OR read_at IS NULL)
                 ORDER BY created_at DESC, id DESC
                 LIMIT :size OFFSET :offset
                """)
            .param("user", userId)
            .param("unread", unreadOnly)
            .param("size", s)
            .param("offset", (long) p * s)
            .query(
                (rs, n) -> {
                  List<String> args = json.readValue(rs.getString(4), ARGS);
                  String key = rs.getString(3);
                  OffsetDateTime readAt = rs.getObject(7, OffsetDateTime.class);
                  return new Item(
                      rs.getLong(1),
                      rs.getString(2),
                      messages.getMessage(key, args.toArray(), key, locale),
                      rs.getString(5),
                      rs.getObject(6, OffsetDateTime.class),
                      readAt,
                      readAt != null);
                })
            .list();
    long total =
        jdbc.sql(
                "SELECT count(*) FROM notification WHERE user_id = :user"
                    + " AND (NOT :unread OR read_at IS NULL)")
            .param("user", userId)
            .param("unread", unreadOnly)
            .query(Long.class)
            .single();
    return new Page(items, p, s, total, unreadCount(userId));
  }

  long unreadCount(long userId) {
    return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = ? AND read_at IS NULL")
        .param(userId)
        .query(Long.class)
        .single();
  }

  /** Marks the user's notification read; false when the user has no such notification. */
  boolean markRead(long userId, long id) {
    int n =
        jdbc.sql(
                "UPDATE notification SET read_at = coalesce(read_at, now())"
                    + " WHERE id = ? AND user_id = ?")
            .params(id, userId)
            .update();
    return n == 1;
  }

  /** The link of the user's notification, if it is theirs and has one. */
  java.util.Optional<String> linkOf(long userId, long id) {
    return jdbc.sql(
            "SELECT link FROM notification WHERE id = ? AND user_id = ? AND link IS NOT NULL")
        .params(id, userId)
        .query(String.class)
        .optional();
  }

  /** Marks all the user's notifications read; returns how many were unread. */
  int markAllRead(long userId) {
    return jdbc.sql("UPDATE notification SET read_at = now() WHERE user_id = ? AND read_at IS NULL")
        .param(userId)
        .update();
  }
}

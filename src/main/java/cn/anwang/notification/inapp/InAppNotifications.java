package cn.anwang.notification.inapp;

import cn.anwang.notification.Notifications;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/** {@link Notifications} stored in the {@code notification} table, once per dedup key. */
@Service
class InAppNotifications implements Notifications {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  InAppNotifications(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  @Transactional
  public boolean notify(
      long userId,
      String kind,
      String messageKey,
      List<String> args,
      String link,
      String dedupKey) {
    return jdbc.sql(
                """
                INSERT INTO notification (user_id, kind, message_key, message_args, link, dedup_key)
                VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?)
                ON CONFLICT ON CONSTRAINT notification_dedup_key DO NOTHING
                """)
            .params(userId, kind, messageKey, json.writeValueAsString(args), link, dedupKey)
            .update()
        == 1;
  }
}

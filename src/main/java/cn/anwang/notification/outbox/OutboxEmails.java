package cn.anwang.notification.outbox;

import cn.anwang.identity.UserDirectory;
import cn.anwang.identity.UserDirectory.Contact;
import cn.anwang.notification.Emails;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Emails} as rows of {@code notification_outbox}. */
@Service
class OutboxEmails implements Emails {

  private final JdbcClient jdbc;
  private final UserDirectory users;
  private final MessageSource messages;
  private final OutboxProperties properties;

  OutboxEmails(
      JdbcClient jdbc, UserDirectory users, MessageSource messages, OutboxProperties properties) {
    this.jdbc = jdbc;
    this.users = users;
    this.messages = messages;
    this.properties = properties;
  }

  static Locale localeOf(Contact user) {
    return "en".equals(user.language()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
  }

  @Override
  @Transactional
  public boolean enqueue(
      long userId, String messageKey, List<String> args, String link, String idempotencyKey) {
    Optional<Contact> user = users.find(userId).filter(u -> u.email() != null);
    if (user.isEmpty()) {
      return false;
    }
    Contact u = user.get();
    Locale locale = localeOf(u);
    String text = messages.getMessage(messageKey, args.toArray(), messageKey, locale);
    String subject = messages.getMessage("notification.email.subject", new Object[] {text}, locale);
    if (subject.length() > 300) {
      subject = subject.substring(0, 299) + "…";
    }
    StringBuilder body = new StringBuilder();
    body.append(
            messages.getMessage(
                "notification.email.greeting", new Object[] {u.displayName()}, locale))
        .append("\n\n")
        .append(text)
        .append("\n");
    if (link != null) {
      body.append("\n").append(properties.baseUrl()).append(link).append("\n");
    }
    body.append("\n").append(messages.getMessage("notification.email.footer", null, locale));
    return jdbc.sql(
                """
                INSERT INTO notification_outbox (channel, idempotency_key, user_id, recipient,
                                                 subject, payload, max_attempts)
                VALUES ('EMAIL', ?, ?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT notification_outbox_idempotency_key DO NOTHING
                """)
            .params(
                "email:" + idempotencyKey + ":" + userId,
                userId,
                u.email(),
                subject,
                body.toString(),
                properties.maxAttempts())
            .update()
        == 1;
  }
}

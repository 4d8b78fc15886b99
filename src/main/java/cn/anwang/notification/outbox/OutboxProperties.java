package cn.anwang.notification.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox and its channels ({@code anwang.notification.*}). SMTP itself is {@code
 * spring.mail.*}: without {@code spring.mail.host} e-mails are enqueued but not sent by this
 * server.
 *
 * @param baseUrl the application's address, for links in e-mails
 * @param mailFrom the sender address of e-mails
 * @param pollEvery how often the delivery task looks for due rows
 * @param batch rows taken per round
 * @param maxAttempts attempts before a row is marked failed
 * @param backoff the wait after the first failed attempt, doubled after each further one
 * @param maxBackoff the longest wait between attempts
 * @param lease how long a taken row is left alone before another round may take it again (a server
 *     that died while sending)
 * @param webhookTimeout connect and response timeout of a webhook call
 */
@ConfigurationProperties("anwang.notification")
record OutboxProperties(
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("anwang@localhost") String mailFrom,
    @DefaultValue("10s") Duration pollEvery,
    @DefaultValue("50") int batch,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("30s") Duration backoff,
    @DefaultValue("1h") Duration maxBackoff,
    @DefaultValue("2m") Duration lease,
    @DefaultValue("10s") Duration webhookTimeout) {

  /** The wait after the given number of failed attempts (1 → backoff, 2 → twice, …). */
  Duration backoffAfter(int attempts) {
    long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
    Duration wait = backoff.multipliedBy(factor);
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}

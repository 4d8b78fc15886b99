package cn.anwang.shared.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The {@code json-logs} profile: with application.yml and application-json-logs.yml loaded as
 * Spring Boot loads them for that profile, log events go through Spring Boot's own structured log
 * encoder (the one its console appender uses) in a logger context of their own, and every line is
 * one JSON object in Elastic Common Schema.
 */
class JsonLogsProfileTest {

  @Test
  void theProfileTurnsTheBannerOffAndAsksForEcsOnTheConsole() throws Exception {
    Environment env = profileEnvironment();
    assertThat(env.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    assertThat(env.getProperty("spring.main.banner-mode")).isEqualTo("off");
  }

  @Test
  void everyLineIsOneEcsJsonObject() throws Exception {
    Environment env = profileEnvironment();
    LoggerContext context = new LoggerContext();
    // the MDC of the application's own (global) logger context, as in the running application
    context.setMDCAdapter(MDC.getMDCAdapter());
    context.start();
    context.putObject(Environment.class.getName(), env);
    StructuredLogEncoder encoder = new StructuredLogEncoder();
    encoder.setContext(context);
    encoder.setFormat(env.getProperty("logging.structured.format.console"));
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
        new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.start();
    Logger log = context.getLogger("cn.anwang.casework.reminder.ReminderScanner");
    log.addAppender(appender);

    MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
    try {
      log.info("Reminder scan on {}: {} reminders sent", "A", 3);
    } finally {
      MDC.remove("traceId");
    }
    log.error("Reminder 提醒 not sent now", new IllegalStateException("database gone"));
    context.stop();

    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).as(context.getStatusManager().getCopyOfStatusList().toString()).hasSize(2);
    ObjectMapper json = new ObjectMapper();
    JsonNode info = json.readTree(lines.get(0));
    assertThat(info.get("@timestamp").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
    assertThat(field(info, "log.level")).isEqualTo("INFO");
    assertThat(field(info, "log.logger")).isEqualTo("cn.anwang.casework.reminder.ReminderScanner");
    assertThat(info.get("message").asString()).isEqualTo("Reminder scan on A: 3 reminders sent");
    assertThat(field(info, "service.name")).isEqualTo("anwang");
    assertThat(field(info, "ecs.version")).isNotBlank();
    assertThat(info.toString()).contains("4bf92f3577b34da6a3ce929d0e0e4736");

    JsonNode error = json.readTree(lines.get(1));
    assertThat(field(error, "log.level")).isEqualTo("ERROR");
    assertThat(error.get("message").asString()).isEqualTo("Reminder 提醒 not sent now");
    assertThat(field(error, "error.type")).isEqualTo("java.lang.IllegalStateException");
    assertThat(field(error, "error.message")).isEqualTo("database gone");
    assertThat(field(error, "error.stack_trace")).contains("JsonLogsProfileTest");
  }

  /**
   * application.yml, then the profile's file over it, as for --spring.profiles.active=json-logs.
   */
  static Environment profileEnvironment() throws Exception {
    StandardEnvironment env = new StandardEnvironment();
    YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
    for (String file : List.of("application-json-logs.yml", "application.yml")) {
      for (PropertySource<?> source : yaml.load(file, new ClassPathResource(file))) {
        env.getPropertySources().addLast(source);
      }
    }
    return env;
  }

  /** An ECS field, nested ({@code {"log":{"level":…}}}) or dotted ({@code "log.level"}). */
  private static String field(JsonNode node, String dotted) {
    JsonNode flat = node.get(dotted);
    if (flat != null) {
      return flat.asString();
    }
    JsonNode nested = node.at("/" + dotted.replace('.', '/'));
    return nested.isMissingNode() ? null : nested.asString();
  }
}

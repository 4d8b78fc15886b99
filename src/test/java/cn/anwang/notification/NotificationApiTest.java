package cn.anwang.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The bell's API over real HTTP: only one's own notifications, in one's language. */
@IntegrationTest
class NotificationApiTest {

  static final AtomicInteger SEQ = new AtomicInteger();

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired Notifications notifications;

  @Test
  void aUserSeesReadsAndCountsOnlyTheirOwnNotifications() throws Exception {
    String me = "bell.user" + ProcessHandle.current().pid() % 10000 + "." + SEQ.incrementAndGet();
    long mine = user(me);
    long other =
        jdbc.sql("SELECT id FROM app_user WHERE username = 'heping.admin'")
            .query(Long.class)
            .single();
    String key = "notification.training.certificateExpiring";
    List<String> args = List.of("张三", "网格员岗前安全生产培训", "TJ-120101-2026-00001", "2026-12-31", "30");
    assertThat(notifications.notify(mine, "test", key, args, "/workforce/officers/1", "t:1"))
        .isTrue();
    assertThat(notifications.notify(mine, "test", key, args, "/workforce/officers/1", "t:1"))
        .as("once per dedup key")
        .isFalse();
    notifications.notify(
        mine, "test", key, List.of("李四", "复训", "TJ-2", "2027-01-05", "7"), null, "t:2");
    notifications.notify(other, "test", key, args, null, "t:other:" + me);
    long othersId =
        jdbc.sql("SELECT id FROM notification WHERE user_id = ? AND dedup_key = ?")
            .params(other, "t:other:" + me)
            .query(Long.class)
            .single();

    JsonNode zh = json.readTree(get(me, "/api/v1/notifications", "zh-CN").getBody());
    assertThat(zh.get("total").asLong()).isEqualTo(2);
    assertThat(zh.get("unread").asLong()).isEqualTo(2);
    assertThat(zh.at("/items/0/message").asString()).contains("李四").contains("还剩 7 天");
    assertThat(zh.at("/items/1/message").asString()).startsWith("网格员 张三");
    JsonNode en = json.readTree(get(me, "/api/v1/notifications", "en").getBody());
    assertThat(en.at("/items/1/message").asString())
        .isEqualTo(
            "Officer 张三's certificate \"网格员岗前安全生产培训\" (TJ-120101-2026-00001) expires on 2026-12-31, in 30 days: arrange a refresher");
    assertThat(en.toString()).doesNotContain(String.valueOf(othersId) + ",\"kind\"");

    long newest = zh.at("/items/0/id").asLong();
    assertThat(post(me, "/api/v1/notifications/" + othersId + "/read").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            jdbc.sql("SELECT read_at IS NULL FROM notification WHERE id = ?")
                .param(othersId)
                .query(Boolean.class)
                .single())
        .isTrue();
    var read = post(me, "/api/v1/notifications/" + newest + "/read");
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(read.getBody()).get("unread").asLong()).isEqualTo(1);
    assertThat(
            json.readTree(get(me, "/api/v1/notifications/unread-count", null).getBody())
                .get("unread")
                .asLong())
        .isEqualTo(1);
    JsonNode unreadOnly =
        json.readTree(get(me, "/api/v1/notifications?unread=true", null).getBody());
    assertThat(unreadOnly.get("items").size()).isEqualTo(1);
    assertThat(unreadOnly.at("/items/0/id").asLong()).isNotEqualTo(newest);

    JsonNode all = json.readTree(post(me, "/api/v1/notifications/read-all").getBody());
    assertThat(all.get("marked").asLong()).isEqualTo(1);
    assertThat(all.get("unread").asLong()).isZero();
    assertThat(
            jdbc.sql("SELECT read_at IS NULL FROM notification WHERE id = ?")
                .param(othersId)
                .query(Boolean.class)
                .single())
        .as("someone else's stays unread")
        .isTrue();
    assertThat(rest.getForEntity("/api/v1/notifications", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private long user(String username) {
    return jdbc.sql(
            """
            INSERT INTO app_user (username, password_hash, display_name, role, territory_code)
            SELECT ?, password_hash, ?, 'STREET_OFFICER', '120101001' FROM app_user WHERE username = 'heping.officer'
            RETURNING id
            """)
        .params(username, username)
        .query(Long.class)
        .single();
  }

  private ResponseEntity<String> get(String user, String path, String language) {
    HttpHeaders headers = new HttpHeaders();
    if (language != null) {
      headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    }
    return rest.withBasicAuth(user, "anwang-demo-2026")
        .exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private ResponseEntity<String> post(String user, String path) {
    return rest.withBasicAuth(user, "anwang-demo-2026")
        .exchange(path, HttpMethod.POST, HttpEntity.EMPTY, String.class);
  }
}

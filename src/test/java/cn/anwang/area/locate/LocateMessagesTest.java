package cn.anwang.area.locate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class LocateMessagesTest {

  @Test
  void chineseAndEnglishMessagesHaveTheSameKeys() throws IOException {
    Properties zh = load("i18n/locate.properties");
    Properties en = load("i18n/locate_en.properties");
    assertThat(zh).isNotEmpty();
    assertThat(zh.keySet()).isEqualTo(en.keySet());
    assertThat(zh.getProperty("locate.grid")).isEqualTo("网格");
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (var in =
        new InputStreamReader(
            new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }
}

package cn.anwang.shared.industry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shipped CSV read as plain text, without the production reader, so a reader bug cannot hide a
 * bad file.
 */
class IndustryTableFileTest {

  static final Path TABLE = Path.of("src/main/resources/industry/gbt4754-2017.csv");
  static final Path SOURCES = Path.of("src/main/resources/industry/SOURCES.md");

  @Test
  void isWellFormedWithUniqueCodesAndListedParents() throws IOException {
    List<String> lines = Files.readAllLines(TABLE, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("code,level,parent,name_zh,name_en");
    Set<String> seen = new HashSet<>();
    Map<String, String> levelOf = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] head = line.split(",", 4);
      String code = head[0];
      String level = head[1];
      String parent = head[2];
      assertThat(seen.add(code)).as("duplicate %s", code).isTrue();
      switch (level) {
        case "SECTION" -> {
          assertThat(code).matches("[A-T]");
          assertThat(parent).isEmpty();
        }
        case "DIVISION" -> {
          assertThat(code).matches("\\d{2}");
          assertThat(levelOf.get(parent)).as("parent of %s", code).isEqualTo("SECTION");
        }
        case "GROUP" -> {
          assertThat(code).matches("\\d{3}").startsWith(parent);
          assertThat(levelOf.get(parent)).as("parent of %s", code).isEqualTo("DIVISION");
        }
        case "CLASS" -> {
          assertThat(code).matches("\\d{4}").startsWith(parent);
          assertThat(levelOf.get(parent)).as("parent of %s", code).isEqualTo("GROUP");
        }
        default -> throw new AssertionError("unknown level " + level + " for " + code);
      }
      levelOf.put(code, level);
    }
    assertThat(lines).noneMatch(String::isBlank);
  }

  @Test
  void namesItsSourcesAndLicences() throws IOException {
    String sources = Files.readString(SOURCES, StandardCharsets.UTF_8);

    assertThat(sources).contains("gbt4754-2017.csv").contains("GB/T 4754-2017").contains("icence");
  }

  @Test
  void hasAChineseAndAnEnglishMessageForEveryProblem() throws IOException {
    Properties zh = load("i18n/industry.properties");
    Properties en = load("i18n/industry_en.properties");
    for (IndustryProblem problem : IndustryProblem.values()) {
      assertThat(zh.getProperty(problem.messageKey())).as(problem.messageKey()).isNotBlank();
      assertThat(en.getProperty(problem.messageKey())).as(problem.messageKey()).isNotBlank();
    }
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        IndustryTableFileTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}

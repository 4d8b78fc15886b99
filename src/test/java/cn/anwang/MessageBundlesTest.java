package cn.anwang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every message bundle in {@code src/main/resources/i18n} exists in Simplified Chinese (the default
 * file, {@code name.properties}) and English ({@code name_en.properties}) with the same keys, none
 * of them empty.
 */
class MessageBundlesTest {

  static final Path I18N = Path.of("src/main/resources/i18n");

  @TestFactory
  Stream<DynamicTest> everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
    Set<String> bundles = new TreeSet<>();
    try (Stream<Path> files = Files.list(I18N)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".properties"))
          .map(name -> name.replaceFirst("(_[a-zA-Z]{2}(_[a-zA-Z]{2})?)?\\.properties$", ""))
          .forEach(bundles::add);
    }
    assertThat(bundles).contains("messages", "identity");
    return bundles.stream()
        .map(
            bundle ->
                DynamicTest.dynamicTest(
                    bundle,
                    () -> {
                      Properties chinese = load(I18N.resolve(bundle + ".properties"));
                      Properties english = load(I18N.resolve(bundle + "_en.properties"));
                      assertThat(english.stringPropertyNames())
                          .as("keys of %s_en.properties versus %s.properties", bundle, bundle)
                          .containsExactlyInAnyOrderElementsOf(chinese.stringPropertyNames());
                      for (Properties messages : new Properties[] {chinese, english}) {
                        assertThat(messages.stringPropertyNames())
                            .allSatisfy(
                                key ->
                                    assertThat(messages.getProperty(key))
                                        .as("%s in bundle %s", key, bundle)
                                        .isNotBlank());
                      }
                    }));
  }

  private static Properties load(Path file) throws IOException {
    assertThat(file).as("bundle file").exists();
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}

package cn.anwang.area.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.anwang.shared.geo.GeodesicArea;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class FeatureCollectionReaderTest {

  final FeatureCollectionReader reader = new FeatureCollectionReader(new ObjectMapper());

  /** What the API says about the problem, in English (its default). */
  static String english(Throwable e) {
    return ((GridProblem) e).reason().in(GridImportValidatorTest.MESSAGES, Locale.ENGLISH);
  }

  @Test
  void readsFeaturesAndSkipsForeignMembers() {
    List<JsonNode> features =
        read(
            "{\"name\":\"x\",\"crs\":{\"type\":\"name\"},\"features\":[{\"type\":\"Feature\"},"
                + "{\"type\":\"Feature\"}],\"type\":\"FeatureCollection\",\"extra\":[1,[2]]}");
    assertThat(features).hasSize(2);
  }

  @Test
  void refusesMalformedJson() {
    assertThatThrownBy(() -> read("{\"type\":\"FeatureCollection\",\"features\":[{]"))
        .isInstanceOf(MalformedGeoJson.class)
        .satisfies(e -> assertThat(english(e)).contains("not valid JSON"));
  }

  @Test
  void refusesASingleFeature() {
    assertThatThrownBy(() -> read("{\"type\":\"Feature\",\"geometry\":null}"))
        .isInstanceOf(MalformedGeoJson.class)
        .satisfies(e -> assertThat(english(e)).contains("not a GeoJSON FeatureCollection"))
        .satisfies(e -> assertThat(english(e)).contains("'Feature'"));
  }

  @Test
  void refusesAnArrayAtTheTop() {
    assertThatThrownBy(() -> read("[]")).isInstanceOf(MalformedGeoJson.class);
  }

  @Test
  void refusesFeaturesThatAreNotAnArray() {
    assertThatThrownBy(() -> read("{\"type\":\"FeatureCollection\",\"features\":{}}"))
        .isInstanceOf(MalformedGeoJson.class)
        .satisfies(e -> assertThat(english(e)).contains("not an array"));
  }

  @Test
  void refusesAnEmptyBody() {
    assertThatThrownBy(() -> read("")).isInstanceOf(MalformedGeoJson.class);
  }

  @Test
  void refusesTrailingGarbage() {
    assertThatThrownBy(() -> read("{\"type\":\"FeatureCollection\",\"features\":[]} x"))
        .isInstanceOf(MalformedGeoJson.class);
  }

  @Test
  void stopsReadingABodyOverTheLimit() {
    byte[] body = new byte[1000];
    assertThatThrownBy(() -> LimitedBodyReader.readAll(new ByteArrayInputStream(body), 999))
        .isInstanceOf(ImportTooLarge.class)
        .satisfies(e -> assertThat(english(e)).contains("999 bytes"));
    assertThat(LimitedBodyReader.readAll(new ByteArrayInputStream(body), 1000)).hasSize(1000);
  }

  @Test
  void measuresASmallSquareNearTianjinInSquareMetres() {
    var square =
        GridImportValidatorTest.geometry(GridImportValidatorTest.square(117.2, 39.1, 0.01));
    double expected = 0.01 * 0.01 * 111_319.49 * 111_319.49 * Math.cos(Math.toRadians(39.105));
    assertThat(GeodesicArea.squareMetres(square))
        .isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(0.5));
  }

  private List<JsonNode> read(String body) {
    return reader.read(body.getBytes(StandardCharsets.UTF_8));
  }
}

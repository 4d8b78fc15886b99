package cn.anwang.area.grid;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.area.Division;
import cn.anwang.area.DivisionLevel;
import cn.anwang.area.grid.ImportReport.Localized;
import cn.anwang.area.grid.ImportReport.Localized.Rejected;
import cn.anwang.area.grid.ImportReport.Localized.Warning;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The import rules, with their reasons and warnings read in English (the API's default) unless a
 * test asks for Chinese.
 */
class GridImportValidatorTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String STREET = "120101001";
  static final String VILLAGE = "120101001001";
  static final String OTHER_STREET = "120101002";

  /** The grid bundle as the application reads it (UTF-8, no fallback to the system locale). */
  static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

  static {
    MESSAGES.setBasenames("i18n/grid");
    MESSAGES.setDefaultEncoding("UTF-8");
    MESSAGES.setFallbackToSystemLocale(false);
  }

  final FakeContext context = new FakeContext();

  // ---------------------------------------------------------------- accepted shapes

  @Test
  void acceptsPolygonWithAHole() {
    Localized report =
        validate(
            feature(
                "T-1",
                "一号网格",
                VILLAGE,
                "{\"type\":\"Polygon\",\"coordinates\":["
                    + ring(117.20, 39.12, 0.01)
                    + ","
                    + ring(117.203, 39.123, 0.002)
                    + "]}"));
    assertThat(report.rejected()).isEmpty();
    assertThat(report.created()).isEqualTo(1);
  }

  @Test
  void acceptsMultiPolygon() {
    Localized report =
        validate(
            feature(
                "T-1",
                "飞地网格",
                STREET,
                "{\"type\":\"MultiPolygon\",\"coordinates\":[["
                    + ring(117.20, 39.12, 0.01)
                    + "],["
                    + ring(117.25, 39.12, 0.01)
                    + "]]}"));
    assertThat(report.rejected()).isEmpty();
    assertThat(report.warnings()).isEmpty();
  }

  @Test
  void ignoresForeignMembers() {
    String feature =
        "{\"type\":\"Feature\",\"id\":7,\"bbox\":[1,2,3,4],\"extra\":{\"a\":[1]},"
            + "\"properties\":{\"code\":\"T-1\",\"name\":\"n\",\"divisionCode\":\""
            + STREET
            + "\",\"colour\":\"red\"},\"geometry\":"
            + square(117.2, 39.12, 0.01)
            + "}";
    assertThat(validate(feature).rejected()).isEmpty();
  }

  // ---------------------------------------------------------------- rejections

  @Test
  void rejectsALineStringNamingItsType() {
    assertThat(
            onlyReason(
                feature(
                    "T-1",
                    "n",
                    STREET,
                    "{\"type\":\"LineString\",\"coordinates\":[[117.2,39.1],[117.3,39.2]]}")))
        .contains("LineString")
        .contains("Polygon or MultiPolygon");
  }

  @Test
  void rejectsAPointNamingItsType() {
    assertThat(
            onlyReason(
                feature("T-1", "n", STREET, "{\"type\":\"Point\",\"coordinates\":[117.2,39.1]}")))
        .contains("is a Point");
  }

  @Test
  void rejectsASelfIntersectionSayingWhere() {
    String bowTie =
        "{\"type\":\"Polygon\",\"coordinates\":[[[117.20,39.10],[117.22,39.12],[117.22,39.10],"
            + "[117.20,39.12],[117.20,39.10]]]}";
    String reason = onlyReason(feature("T-1", "n", STREET, bowTie));
    assertThat(reason).contains("Self-intersection").contains("(117.210000, 39.110000)");
  }

  @Test
  void repairsASelfIntersectionIntoAWarningWhenAsked() {
    String bowTie =
        "{\"type\":\"Polygon\",\"coordinates\":[[[117.20,39.10],[117.22,39.12],[117.22,39.10],"
            + "[117.20,39.12],[117.20,39.10]]]}";
    Localized report = validate(true, feature("T-1", "n", STREET, bowTie));
    assertThat(report.rejected()).isEmpty();
    assertThat(report.created()).isEqualTo(1);
    assertThat(report.warnings())
        .extracting(Warning::message)
        .anySatisfy(m -> assertThat(m).contains("repaired").contains("Self-intersection"));
  }

  @Test
  void rejectsARingThatIsNotClosed() {
    String open =
        "{\"type\":\"Polygon\",\"coordinates\":[[[117.20,39.10],[117.22,39.10],[117.22,39.12],[117.20,39.12]]]}";
    assertThat(onlyReason(feature("T-1", "n", STREET, open)))
        .contains("not closed")
        .contains("(117.200000, 39.100000)")
        .contains("(117.200000, 39.120000)");
  }

  @Test
  void closesAnOpenRingWhenRepairIsAsked() {
    String open =
        "{\"type\":\"Polygon\",\"coordinates\":[[[117.20,39.10],[117.22,39.10],[117.22,39.12],[117.20,39.12]]]}";
    Localized report = validate(true, feature("T-1", "n", STREET, open));
    assertThat(report.rejected()).isEmpty();
    assertThat(report.warnings())
        .extracting(Warning::message)
        .anySatisfy(m -> assertThat(m).contains("not closed"));
  }

  @Test
  void rejectsARingWithTooFewPoints() {
    String line =
        "{\"type\":\"Polygon\",\"coordinates\":[[[117.20,39.10],[117.22,39.10],[117.20,39.10]]]}";
    assertThat(onlyReason(feature("T-1", "n", STREET, line))).contains("too few points");
  }

  @Test
  void rejectsCoordinatesOutOfRange() {
    String far =
        "{\"type\":\"Polygon\",\"coordinates\":[[[117.2,39.1],[190.0,39.1],[117.3,39.2],[117.2,39.1]]]}";
    assertThat(onlyReason(feature("T-1", "n", STREET, far)))
        .contains("out of range")
        .contains("190.000000");
  }

  @Test
  void rejectsSwappedCoordinatesSayingTheyAreLatitudeFirst() {
    String swapped =
        "{\"type\":\"Polygon\",\"coordinates\":[[[39.10,117.20],[39.10,117.22],[39.12,117.22],[39.10,117.20]]]}";
    assertThat(onlyReason(feature("T-1", "n", STREET, swapped)))
        .contains("appear to be in latitude,longitude order");
  }

  @Test
  void rejectsAGridFarOutsideTianjin() {
    assertThat(onlyReason(feature("T-1", "n", STREET, square(2.35, 48.85, 0.01))))
        .contains("far outside Tianjin");
  }

  @Test
  void rejectsAnUnknownDivision() {
    assertThat(onlyReason(feature("T-1", "n", "120101999", square(117.2, 39.12, 0.01))))
        .isEqualTo("Unknown division code '120101999'");
  }

  @Test
  void rejectsADistrictAsDivision() {
    assertThat(onlyReason(feature("T-1", "n", "120101", square(117.2, 39.12, 0.01))))
        .contains("120101")
        .contains("is a district");
  }

  @Test
  void rejectsADivisionOutsideTheCallersTerritoryNamingIt() {
    context.territory = STREET;
    assertThat(onlyReason(feature("T-1", "n", OTHER_STREET, square(117.2, 39.12, 0.01))))
        .contains(OTHER_STREET)
        .contains("outside your territory");
  }

  @Test
  void rejectsADuplicateCodeInTheFile() {
    Localized report =
        validate(
            feature("T-1", "a", STREET, square(117.20, 39.12, 0.01)),
            feature("T-1", "b", STREET, square(117.30, 39.12, 0.01)));
    assertThat(report.rejected()).extracting(Rejected::index).containsExactly(1);
    assertThat(report.rejected().get(0).reason())
        .contains("Duplicate code 'T-1'")
        .contains("feature 0");
    assertThat(report.created()).isZero();
  }

  @Test
  void rejectsAMissingCode() {
    assertThat(onlyReason(feature(null, "n", STREET, square(117.2, 39.12, 0.01))))
        .isEqualTo("The feature has no code property");
  }

  @Test
  void rejectsAMissingName() {
    assertThat(onlyReason(feature("T-1", "  ", STREET, square(117.2, 39.12, 0.01))))
        .isEqualTo("The feature has no name property");
  }

  @Test
  void rejectsAMissingDivisionCode() {
    assertThat(onlyReason(feature("T-1", "n", null, square(117.2, 39.12, 0.01))))
        .contains("no divisionCode");
  }

  @Test
  void rejectsAnUnknownType() {
    String feature =
        "{\"type\":\"Feature\",\"properties\":{\"code\":\"T-1\",\"name\":\"n\",\"divisionCode\":\""
            + STREET
            + "\",\"type\":\"FARM\"},\"geometry\":"
            + square(117.2, 39.12, 0.01)
            + "}";
    assertThat(onlyReason(feature)).contains("Unknown grid type 'FARM'");
  }

  @Test
  void rejectsAnItemThatIsNotAFeature() {
    assertThat(onlyReason(square(117.2, 39.12, 0.01))).contains("not a GeoJSON Feature");
    assertThat(onlyReason("[1,2]")).contains("not a GeoJSON Feature");
  }

  @Test
  void rejectsAFeatureWithoutGeometry() {
    String feature =
        "{\"type\":\"Feature\",\"properties\":{\"code\":\"T-1\",\"name\":\"n\",\"divisionCode\":\""
            + STREET
            + "\"}}";
    assertThat(onlyReason(feature)).contains("no geometry");
  }

  @Test
  void rejectsAFeatureWithNullGeometry() {
    assertThat(onlyReason(feature("T-1", "n", STREET, "null"))).contains("geometry is null");
  }

  @Test
  void rejectsTheWholeFileWhenOneFeatureIsBad() {
    Localized report =
        validate(
            feature("T-1", "a", STREET, square(117.20, 39.12, 0.01)),
            feature("T-2", "b", "999", square(117.30, 39.12, 0.01)),
            feature("T-3", "c", STREET, square(117.40, 39.12, 0.01)));
    assertThat(report.accepted()).isFalse();
    assertThat(report.rejected())
        .extracting(Rejected::index, Rejected::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "T-2"));
    assertThat(report.created()).isZero();
    assertThat(report.updated()).isZero();
  }

  @Test
  void rejectsAnExistingCodeOwnedOutsideTheTerritory() {
    context.territory = STREET;
    context.existing.put("T-1", OTHER_STREET);
    assertThat(onlyReason(feature("T-1", "n", STREET, square(117.2, 39.12, 0.01))))
        .contains("already used by a grid outside your territory");
  }

  @Test
  void countsAnExistingCodeAsAnUpdate() {
    context.existing.put("T-1", STREET);
    Localized report =
        validate(
            feature("T-1", "a", STREET, square(117.20, 39.12, 0.01)),
            feature("T-2", "b", STREET, square(117.30, 39.12, 0.01)));
    assertThat(report.created()).isEqualTo(1);
    assertThat(report.updated()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- warnings

  @Test
  void warnsOfAnOverlapInsideTheFileWithItsArea() {
    Localized report =
        validate(
            feature("T-1", "a", STREET, square(117.200, 39.12, 0.01)),
            feature("T-2", "b", STREET, square(117.205, 39.12, 0.01)));
    assertThat(report.rejected()).isEmpty();
    assertThat(report.warnings()).hasSize(1);
    Warning w = report.warnings().get(0);
    assertThat(w.index()).isEqualTo(1);
    assertThat(w.message()).contains("Overlaps grid 'T-1'");
    double expected = 0.005 * 0.01 * 111_319.49 * 111_319.49 * Math.cos(Math.toRadians(39.125));
    assertThat(areaIn(w.message()))
        .isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1));
  }

  @Test
  void ignoresGridsThatOnlyTouch() {
    Localized report =
        validate(
            feature("T-1", "a", STREET, square(117.20, 39.12, 0.01)),
            feature("T-2", "b", STREET, square(117.21, 39.12, 0.01)));
    assertThat(report.warnings()).isEmpty();
  }

  @Test
  void warnsOfAnOverlapWithAStoredGrid() {
    context.stored.add(
        new ImportContext.StoredShape("OLD-1", geometry(square(117.205, 39.12, 0.01))));
    Localized report = validate(feature("T-1", "a", STREET, square(117.20, 39.12, 0.01)));
    assertThat(report.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.message()).contains("existing grid 'OLD-1'").contains("m²"));
  }

  @Test
  void ignoresTheStoredShapeOfTheGridBeingReplaced() {
    context.existing.put("T-1", STREET);
    context.stored.add(
        new ImportContext.StoredShape("T-1", geometry(square(117.205, 39.12, 0.01))));
    Localized report = validate(feature("T-1", "a", STREET, square(117.20, 39.12, 0.01)));
    assertThat(report.warnings()).isEmpty();
    assertThat(report.updated()).isEqualTo(1);
  }

  @Test
  void warnsWhenAGridLeavesItsDistrict() {
    context.districtBoundary = geometry(square(117.10, 39.10, 0.1));
    Localized report =
        validate(
            feature("T-1", "inside", STREET, square(117.12, 39.12, 0.01)),
            feature("T-2", "astride", STREET, square(117.195, 39.12, 0.01)));
    assertThat(report.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("T-2");
              assertThat(w.message())
                  .contains("not within its district's boundary")
                  .contains("和平区");
            });
  }

  // ---------------------------------------------------------------- in Chinese

  @Test
  void givesTheSelfIntersectionWithItsLocationInChinese() {
    String bowTie =
        "{\"type\":\"Polygon\",\"coordinates\":[[[117.20,39.10],[117.22,39.12],[117.22,39.10],"
            + "[117.20,39.12],[117.20,39.10]]]}";
    assertThat(onlyReason(Locale.SIMPLIFIED_CHINESE, feature("T-1", "n", STREET, bowTie)))
        .isEqualTo("几何无效：(117.210000, 39.110000) 处自相交（使用“修复无效几何”/ repair=true 可自动修复，并以警告报告）");
  }

  @Test
  void namesTheRingAndPolygonOfAnOpenRingInChinese() {
    String open =
        "{\"type\":\"MultiPolygon\",\"coordinates\":[["
            + ring(117.30, 39.12, 0.01)
            + "],[[[117.20,39.10],[117.22,39.10],[117.22,39.12],[117.20,39.12]]]]}";
    assertThat(onlyReason(Locale.SIMPLIFIED_CHINESE, feature("T-1", "n", STREET, open)))
        .isEqualTo(
            "MultiPolygon 的第 2 个多边形的外环未闭合：首点 (117.200000, 39.100000) 与末点"
                + " (117.200000, 39.120000) 不同");
    assertThat(onlyReason(feature("T-1", "n", STREET, open)))
        .isEqualTo(
            "The exterior ring of polygon 2 of the MultiPolygon is not closed: its first position"
                + " (117.200000, 39.100000) differs from its last (117.200000, 39.120000)");
  }

  @Test
  void explainsSwappedCoordinatesAndADistrictAsDivisionInChinese() {
    String swapped =
        "{\"type\":\"Polygon\",\"coordinates\":[[[39.10,117.20],[39.10,117.22],[39.12,117.22],"
            + "[39.10,117.20]]]}";
    assertThat(onlyReason(Locale.SIMPLIFIED_CHINESE, feature("T-1", "n", STREET, swapped)))
        .startsWith("坐标似乎是“纬度,经度”顺序：(39.100000, 117.200000) 不是有效的“经度,纬度”");
    assertThat(
            onlyReason(
                Locale.SIMPLIFIED_CHINESE,
                feature("T-1", "n", "120101", square(117.2, 39.12, 0.01))))
        .isEqualTo("区划 120101（和平区）是区；网格只能属于街道（乡镇、园区）或村（社区）");
  }

  @Test
  void keepsApostrophesAndNumbersIntactInEveryLanguage() {
    Localized english =
        validate(
            false,
            Locale.ENGLISH,
            List.of(
                JSON.readTree(feature("T-1", "a", STREET, square(117.20, 39.12, 0.01))),
                JSON.readTree(feature("T-1", "b", STREET, square(117.30, 39.12, 0.01)))));
    assertThat(english.rejected().get(0).reason())
        .isEqualTo(
            "Duplicate code 'T-1': it is used more than once in the file (first by feature 0)");
    context.districtBoundary = geometry(square(117.10, 39.10, 0.1));
    Localized chinese =
        validate(
            false,
            Locale.SIMPLIFIED_CHINESE,
            List.of(
                JSON.readTree(feature("T-2", "astride", STREET, square(117.195, 39.12, 0.01)))));
    assertThat(chinese.warnings().get(0).message())
        .startsWith("网格超出所属区的边界（和平区 120101）：有 ")
        .endsWith(" 平方米在边界以外")
        .doesNotContain(",");
  }

  // ---------------------------------------------------------------- helpers

  private String onlyReason(Locale locale, String feature) {
    Localized report = validate(false, locale, List.of(JSON.readTree(feature)));
    assertThat(report.rejected()).hasSize(1);
    return report.rejected().get(0).reason();
  }

  private Localized validate(String... features) {
    return validate(false, features);
  }

  private Localized validate(boolean repair, String... features) {
    List<JsonNode> nodes = new ArrayList<>();
    for (String f : features) {
      nodes.add(JSON.readTree(f));
    }
    return validate(repair, Locale.ENGLISH, nodes);
  }

  private Localized validate(boolean repair, Locale locale, List<JsonNode> nodes) {
    return new GridImportValidator(context)
        .validate(nodes, repair)
        .report(false)
        .in(MESSAGES, locale);
  }

  private String onlyReason(String feature) {
    Localized report = validate(feature);
    assertThat(report.rejected()).hasSize(1);
    return report.rejected().get(0).reason();
  }

  static double areaIn(String message) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("by ([0-9.]+) m²").matcher(message);
    assertThat(m.find()).isTrue();
    return Double.parseDouble(m.group(1));
  }

  static String feature(String code, String name, String division, String geometry) {
    StringBuilder p = new StringBuilder("{");
    if (code != null) {
      p.append("\"code\":\"").append(code).append("\",");
    }
    if (name != null) {
      p.append("\"name\":\"").append(name).append("\",");
    }
    if (division != null) {
      p.append("\"divisionCode\":\"").append(division).append("\",");
    }
    p.append("\"type\":\"REGULAR\"}");
    return "{\"type\":\"Feature\",\"properties\":" + p + ",\"geometry\":" + geometry + "}";
  }

  static String ring(double lon, double lat, double size) {
    return String.format(
        Locale.ROOT,
        "[[%1$.6f,%2$.6f],[%3$.6f,%2$.6f],[%3$.6f,%4$.6f],[%1$.6f,%4$.6f],[%1$.6f,%2$.6f]]",
        lon,
        lat,
        lon + size,
        lat + size);
  }

  static String square(double lon, double lat, double size) {
    return "{\"type\":\"Polygon\",\"coordinates\":[" + ring(lon, lat, size) + "]}";
  }

  static Geometry geometry(String geoJson) {
    return GridGeometryReader.read(JSON.readTree(geoJson), false).geometry();
  }

  static final class FakeContext implements ImportContext {
    String territory = "12";
    final Map<String, String> existing = new HashMap<>();
    final List<StoredShape> stored = new ArrayList<>();
    Geometry districtBoundary;
    final Map<String, Division> divisions =
        Map.of(
            "120101",
            new Division("120101", "和平区", DivisionLevel.DISTRICT, "12", true, false),
            STREET,
            new Division(STREET, "劝业场街道", DivisionLevel.STREET, "120101", false, false),
            OTHER_STREET,
            new Division(OTHER_STREET, "小白楼街道", DivisionLevel.STREET, "120101", false, false),
            VILLAGE,
            new Division(VILLAGE, "某社区", DivisionLevel.VILLAGE, STREET, false, false));

    @Override
    public Optional<Division> division(String code) {
      return Optional.ofNullable(divisions.get(code));
    }

    @Override
    public boolean inTerritory(String divisionCode) {
      return divisionCode.startsWith(territory);
    }

    @Override
    public Map<String, String> existingDivisionCodes(Collection<String> codes) {
      Map<String, String> found = new HashMap<>();
      codes.forEach(c -> Optional.ofNullable(existing.get(c)).ifPresent(d -> found.put(c, d)));
      return found;
    }

    @Override
    public List<StoredShape> storedGridsIn(Envelope envelope) {
      return stored.stream()
          .filter(s -> s.geometry().getEnvelopeInternal().intersects(envelope))
          .toList();
    }

    @Override
    public Optional<Geometry> districtBoundary(String districtCode) {
      return Optional.ofNullable(districtBoundary);
    }
  }
}

package cn.anwang.shared.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class ChinaCoordinatesTest {

  /** Round trips must come back within 1e-6° (about 0.1 m). */
  private static final double ROUND_TRIP = 1e-6;

  // Reference pairs from the public test suites of two widely used implementations:
  // googollee/eviltransform (WGS-84 → GCJ-02; Shanghai, Shenzhen, Beijing) and
  // wandergis/coordtransform (test/app.js; input 116.404, 39.915 in each direction).

  @Test
  void convertsWgs84ToGcj02LikeThePublishedReferences() {
    assertClose(
        ChinaCoordinates.wgs84ToGcj02(new GeoPoint(121.5272106, 31.1774276)),
        121.531541859215,
        31.17530398364597,
        1e-9);
    assertClose(
        ChinaCoordinates.wgs84ToGcj02(new GeoPoint(113.912316, 22.543847)),
        113.9171764808363,
        22.540796131694766,
        1e-9);
    assertClose(
        ChinaCoordinates.wgs84ToGcj02(new GeoPoint(116.377817, 39.911954)),
        116.38404722455657,
        39.91334545536069,
        1e-9);
    assertClose(
        ChinaCoordinates.wgs84ToGcj02(new GeoPoint(116.404, 39.915)),
        116.41024449916938,
        39.91640428150164,
        1e-9);
  }

  @Test
  void convertsBetweenGcj02AndBd09LikeThePublishedReferences() {
    assertClose(
        ChinaCoordinates.gcj02ToBd09(new GeoPoint(116.404, 39.915)),
        116.41036949371029,
        39.92133699351021,
        1e-9);
    // the published inverse is a one-step approximation; ours is refined, so compare loosely
    assertClose(
        ChinaCoordinates.bd09ToGcj02(new GeoPoint(116.404, 39.915)),
        116.39762729119315,
        39.90865673957631,
        2e-5);
  }

  @Test
  void invertsGcj02ExactlyWhereTheOneStepFormulaErrs() {
    GeoPoint gcj = new GeoPoint(116.404, 39.915);
    GeoPoint wgs = ChinaCoordinates.gcj02ToWgs84(gcj);
    // the one-step approximation published with coordtransform
    assertClose(wgs, 116.39775550083061, 39.91359571849836, 2e-5);
    assertClose(ChinaCoordinates.wgs84ToGcj02(wgs), gcj.lon(), gcj.lat(), 1e-9);
  }

  @Test
  void leavesPointsOutsideChinaUnchanged() {
    GeoPoint paris = new GeoPoint(2.3522, 48.8566);
    assertThat(ChinaCoordinates.wgs84ToGcj02(paris)).isEqualTo(paris);
    assertThat(ChinaCoordinates.gcj02ToWgs84(paris)).isEqualTo(paris);
  }

  @Property(tries = 2000)
  void gcj02RoundTripsInsideTianjin(
      @ForAll @DoubleRange(min = 116.7, max = 118.1) double lon,
      @ForAll @DoubleRange(min = 38.5, max = 40.3) double lat) {
    GeoPoint wgs = new GeoPoint(lon, lat);
    GeoPoint back = ChinaCoordinates.gcj02ToWgs84(ChinaCoordinates.wgs84ToGcj02(wgs));
    assertClose(back, lon, lat, ROUND_TRIP);
  }

  @Property(tries = 2000)
  void bd09RoundTripsInsideTianjin(
      @ForAll @DoubleRange(min = 116.7, max = 118.1) double lon,
      @ForAll @DoubleRange(min = 38.5, max = 40.3) double lat) {
    GeoPoint wgs = new GeoPoint(lon, lat);
    GeoPoint bd = ChinaCoordinates.convert(wgs, CoordinateSystem.WGS84, CoordinateSystem.BD09);
    GeoPoint gcj = ChinaCoordinates.convert(bd, CoordinateSystem.BD09, CoordinateSystem.GCJ02);
    assertClose(
        gcj,
        ChinaCoordinates.wgs84ToGcj02(wgs).lon(),
        ChinaCoordinates.wgs84ToGcj02(wgs).lat(),
        ROUND_TRIP);
    assertClose(ChinaCoordinates.toWgs84(bd, CoordinateSystem.BD09), lon, lat, ROUND_TRIP);
  }

  @Test
  void parsesCoordinateSystemNamesCaseInsensitively() {
    assertThat(CoordinateSystem.parse("GCJ02")).contains(CoordinateSystem.GCJ02);
    assertThat(CoordinateSystem.parse("bd09")).contains(CoordinateSystem.BD09);
    assertThat(CoordinateSystem.parse("Wgs84")).contains(CoordinateSystem.WGS84);
    assertThat(CoordinateSystem.parse("mercator")).isEmpty();
    assertThat(CoordinateSystem.parse(null)).isEmpty();
  }

  @Test
  void computesAreaOfAKilometreSquareNearTianjin() {
    org.locationtech.jts.geom.GeometryFactory f = new org.locationtech.jts.geom.GeometryFactory();
    double dLat = 1000 / 111_195.0;
    double dLon = dLat / Math.cos(Math.toRadians(39.1));
    var square =
        f.toGeometry(
            new org.locationtech.jts.geom.Envelope(117.2, 117.2 + dLon, 39.1, 39.1 + dLat));
    assertThat(GeodesicArea.squareMetres(square)).isCloseTo(1_000_000, within(5_000.0));
  }

  private static void assertClose(GeoPoint actual, double lon, double lat, double tolerance) {
    assertThat(actual.lon()).isCloseTo(lon, within(tolerance));
    assertThat(actual.lat()).isCloseTo(lat, within(tolerance));
  }
}

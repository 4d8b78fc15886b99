package cn.anwang.registry.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.anwang.shared.geo.ChinaCoordinates;
import cn.anwang.shared.geo.CoordinateSystem;
import cn.anwang.shared.geo.GeoPoint;
import org.junit.jupiter.api.Test;

class PlacementTest {

  static final GeoPoint HEPING = new GeoPoint(117.2000, 39.1200);

  @Test
  void keepsWgs84AsItIs() {
    assertThat(Placement.toWgs84(117.2, 39.12, null)).isEqualTo(HEPING);
    assertThat(Placement.toWgs84(117.2, 39.12, CoordinateSystem.WGS84)).isEqualTo(HEPING);
  }

  @Test
  void convertsGcj02AndBd09ToWgs84() {
    GeoPoint gcj = ChinaCoordinates.convert(HEPING, CoordinateSystem.WGS84, CoordinateSystem.GCJ02);
    GeoPoint bd = ChinaCoordinates.convert(HEPING, CoordinateSystem.WGS84, CoordinateSystem.BD09);
    assertThat(gcj.lon()).isNotCloseTo(HEPING.lon(), within(1e-4));
    GeoPoint fromGcj = Placement.toWgs84(gcj.lon(), gcj.lat(), CoordinateSystem.GCJ02);
    GeoPoint fromBd = Placement.toWgs84(bd.lon(), bd.lat(), CoordinateSystem.BD09);
    assertThat(fromGcj.lon()).isCloseTo(HEPING.lon(), within(1e-5));
    assertThat(fromGcj.lat()).isCloseTo(HEPING.lat(), within(1e-5));
    assertThat(fromBd.lon()).isCloseTo(HEPING.lon(), within(1e-5));
    assertThat(fromBd.lat()).isCloseTo(HEPING.lat(), within(1e-5));
  }

  @Test
  void saysWhenLongitudeAndLatitudeAreSwapped() {
    assertThatThrownBy(() -> Placement.toWgs84(39.12, 117.2, null))
        .isInstanceOfSatisfying(
            ObjectRejected.class,
            e -> {
              assertThat(e.field()).isEqualTo("location");
              assertThat(e.messageKey()).isEqualTo("registry.rejected.swapped");
              assertThat(e.getMessage()).contains("swapped");
            });
  }

  @Test
  void rejectsPointsOutsideTianjin() {
    // Beijing, Shanghai, and out of range
    for (double[] p : new double[][] {{116.40, 39.90}, {121.47, 31.23}, {200, 95}, {0, 0}}) {
      assertThatThrownBy(() -> Placement.toWgs84(p[0], p[1], null))
          .isInstanceOfSatisfying(
              ObjectRejected.class,
              e -> assertThat(e.messageKey()).isEqualTo("registry.rejected.outsideTianjin"));
    }
  }
}

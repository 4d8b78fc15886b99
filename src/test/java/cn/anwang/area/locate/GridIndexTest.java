package cn.anwang.area.locate;

import static cn.anwang.area.locate.Grids.grid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.anwang.area.Location;
import cn.anwang.shared.geo.ChinaCoordinates;
import cn.anwang.shared.geo.CoordinateSystem;
import cn.anwang.shared.geo.GeoPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridIndexTest {

  // a 0.01° square with a hole, and the grid that fills the hole
  private static final IndexedGrid HOLED =
      grid(
          "holed",
          "POLYGON ((117.20 39.10, 117.21 39.10, 117.21 39.11, 117.20 39.11, 117.20 39.10),"
              + " (117.204 39.104, 117.206 39.104, 117.206 39.106, 117.204 39.106, 117.204 39.104))");
  private static final IndexedGrid PLUG =
      grid(
          "plug",
          "POLYGON ((117.204 39.104, 117.206 39.104, 117.206 39.106, 117.204 39.106, 117.204 39.104))");
  private static final IndexedGrid TWO_PARTS =
      grid(
          "two-parts",
          "MULTIPOLYGON (((117.30 39.10, 117.31 39.10, 117.31 39.11, 117.30 39.11, 117.30 39.10)),"
              + " ((117.33 39.10, 117.34 39.10, 117.34 39.11, 117.33 39.11, 117.33 39.10)))");
  // equal areas by construction: the tie is decided by code
  private static final IndexedGrid WEST =
      sized(
          grid(
              "west",
              "POLYGON ((117.40 39.10, 117.41 39.10, 117.41 39.11, 117.40 39.11, 117.40 39.10))"));
  private static final IndexedGrid EAST =
      sized(
          grid(
              "east",
              "POLYGON ((117.41 39.10, 117.42 39.10, 117.42 39.11, 117.41 39.11, 117.41 39.10))"));
  private static final IndexedGrid BIG =
      grid(
          "big",
          "POLYGON ((117.50 39.10, 117.60 39.10, 117.60 39.20, 117.50 39.20, 117.50 39.10))");
  private static final IndexedGrid SMALL_INSIDE_BIG =
      grid(
          "small",
          "POLYGON ((117.52 39.12, 117.53 39.12, 117.53 39.13, 117.52 39.13, 117.52 39.12))");

  private final GridIndex index =
      GridIndex.build(List.of(HOLED, PLUG, TWO_PARTS, WEST, EAST, BIG, SMALL_INSIDE_BIG), 7);

  @Test
  void locatesPointInHoledGridOutsideTheHole() {
    assertThat(code(117.201, 39.101)).isEqualTo("holed");
  }

  @Test
  void pointInAHoleIsNotInTheHoledGridButInTheGridFillingIt() {
    assertThat(code(117.205, 39.105)).isEqualTo("plug");
    GridIndex withoutPlug = GridIndex.build(List.of(HOLED), 1);
    assertThat(withoutPlug.locate(117.205, 39.105)).isNull();
  }

  @Test
  void locatesBothPartsOfAMultiPolygonGridButNotTheGapBetween() {
    assertThat(code(117.305, 39.105)).isEqualTo("two-parts");
    assertThat(code(117.335, 39.105)).isEqualTo("two-parts");
    assertThat(code(117.32, 39.105)).isNull();
  }

  @Test
  void pointsOnABoundaryAreInTheGrid() {
    // outer edge and corner of a lone grid
    assertThat(code(117.30, 39.105)).isEqualTo("two-parts");
    assertThat(code(117.30, 39.10)).isEqualTo("two-parts");
    // the hole's edge is the holed grid's boundary too; the plug is smaller, so it wins
    assertThat(code(117.204, 39.105)).isEqualTo("plug");
    assertThat(GridIndex.build(List.of(HOLED), 1).locate(117.204, 39.105)).isNotNull();
  }

  @Test
  void aSharedEdgeBelongsToBothGridsAndTheTieGoesToTheLowerCode() {
    // "east" < "west"
    assertThat(code(117.41, 39.105)).isEqualTo("east");
    assertThat(code(117.405, 39.105)).isEqualTo("west");
  }

  @Test
  void whereGridsOverlapTheSmallestWins() {
    assertThat(code(117.525, 39.125)).isEqualTo("small");
    assertThat(code(117.55, 39.15)).isEqualTo("big");
  }

  @Test
  void missesOutsideEveryGridAndForNonNumbers() {
    assertThat(code(116.0, 39.0)).isNull();
    assertThat(index.locate(Double.NaN, 39.1)).isNull();
    assertThat(GridIndex.empty(0).locate(117.2, 39.1)).isNull();
  }

  @Test
  void locatesGcj02AndBd09PointsLikeTheirWgs84Originals() {
    GeoPoint wgs = new GeoPoint(117.2012345, 39.1017654);
    for (CoordinateSystem crs : CoordinateSystem.values()) {
      GeoPoint input = ChinaCoordinates.convert(wgs, CoordinateSystem.WGS84, crs);
      GeoPoint back = ChinaCoordinates.toWgs84(input, crs);
      assertThat(code(back.lon(), back.lat())).as(crs.key()).isEqualTo("holed");
    }
  }

  @Test
  void locatesInAGridWithManyVerticesLikeBruteForce() {
    var shapes = new org.locationtech.jts.util.GeometricShapeFactory();
    shapes.setCentre(new org.locationtech.jts.geom.Coordinate(117.7, 39.3));
    shapes.setSize(0.05);
    shapes.setNumPoints(2000);
    IndexedGrid round = grid("round", shapes.createCircle());
    GridIndex roundIndex = GridIndex.build(List.of(round), 1);
    BruteForceLocator oracle = new BruteForceLocator(List.of(round));
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < 5000; i++) {
      double x = 117.67 + random.nextDouble() * 0.06;
      double y = 39.27 + random.nextDouble() * 0.06;
      assertThat(roundIndex.locate(x, y)).isEqualTo(oracle.locate(x, y));
    }
    assertThat(roundIndex.locate(117.7, 39.3)).isNotNull();
  }

  @Test
  void rejectsDuplicateGridCodes() {
    assertThatThrownBy(() -> GridIndex.build(List.of(WEST, WEST), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("west");
  }

  @Test
  void agreesWithBruteForceOnEveryVertex() {
    List<IndexedGrid> grids = List.of(HOLED, PLUG, TWO_PARTS, WEST, EAST, BIG, SMALL_INSIDE_BIG);
    BruteForceLocator oracle = new BruteForceLocator(grids);
    for (IndexedGrid grid : grids) {
      for (var c : grid.geometry().getCoordinates()) {
        assertThat(index.locate(c.x, c.y)).isEqualTo(oracle.locate(c.x, c.y));
      }
    }
  }

  private static IndexedGrid sized(IndexedGrid grid) {
    return new IndexedGrid(grid.geometry(), 1_000_000, grid.location());
  }

  private String code(double lon, double lat) {
    Location location = index.locate(lon, lat);
    return location == null ? null : location.grid().code();
  }
}

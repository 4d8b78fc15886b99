package cn.anwang.area.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.union.UnaryUnionOp;

class TessellationTest {

  /** A concave, holed "district" (an L with a lake), in degrees near Tianjin. */
  private static final Geometry PARENT =
      read(
          "POLYGON ((117.0 39.0, 117.2 39.0, 117.2 39.05, 117.06 39.05, 117.06 39.2, 117.0 39.2,"
              + " 117.0 39.0), (117.01 39.01, 117.03 39.01, 117.03 39.03, 117.01 39.03, 117.01 39.01))");

  @Property(tries = 15)
  void cellsCoverTheParentExactlyWithoutOverlap(
      @ForAll @IntRange(min = 1, max = 60) int count, @ForAll long seed) {
    List<Geometry> cells = Tessellation.cut(PARENT, count, seed, 2);

    assertThat(cells).hasSize(count);
    double tolerance = PARENT.getArea() * 1e-9;
    double sum = 0;
    for (Geometry cell : cells) {
      assertThat(cell).isInstanceOf(Polygonal.class);
      assertThat(cell.isValid()).as("valid cell").isTrue();
      assertThat(cell.getArea()).isPositive();
      sum += cell.getArea();
    }
    // equal area sum and equal union: together the cells are the parent, with no overlap
    assertThat(sum).isCloseTo(PARENT.getArea(), org.assertj.core.api.Assertions.within(tolerance));
    Geometry union = UnaryUnionOp.union(cells);
    assertThat(union.symDifference(PARENT).getArea()).isLessThan(tolerance);
    for (int i = 0; i < cells.size(); i++) {
      for (int j = i + 1; j < cells.size(); j++) {
        if (cells.get(i).getEnvelopeInternal().intersects(cells.get(j).getEnvelopeInternal())) {
          assertThat(cells.get(i).intersection(cells.get(j)).getArea()).isLessThan(tolerance);
        }
      }
    }
  }

  @Test
  void isDeterministicForASeed() {
    List<Geometry> first = Tessellation.cut(PARENT, 25, 42, 2);
    List<Geometry> second = Tessellation.cut(PARENT, 25, 42, 2);
    List<Geometry> other = Tessellation.cut(PARENT, 25, 43, 2);
    assertThat(first).hasSize(25);
    for (int i = 0; i < first.size(); i++) {
      assertThat(first.get(i).equalsExact(second.get(i))).isTrue();
    }
    assertThat(first.get(0).equalsExact(other.get(0))).isFalse();
  }

  @Test
  void rejectsZeroCells() {
    assertThatThrownBy(() -> Tessellation.cut(PARENT, 0, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Geometry read(String wkt) {
    try {
      return new WKTReader().read(wkt);
    } catch (org.locationtech.jts.io.ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }
}

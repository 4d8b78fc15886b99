package cn.anwang.area.demo;

import cn.anwang.area.Division;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;

/**
 * Synthesises street, village and grid polygons for districts whose real boundary is known, by
 * nested tessellation along the real division tree: a district is cut into one cell per street,
 * each street into one cell per village, each village into one to a few grids. Deterministic for a
 * seed. Pure (no database, no Spring), so the benchmark can build a whole city in memory.
 *
 * <p>Public only for the benchmark.
 */
public final class SyntheticArea {

  /** Grid types, as the {@code grid.type} column names them. */
  public static final String REGULAR = "REGULAR";

  public static final String INDUSTRIAL_CLUSTER = "INDUSTRIAL_CLUSTER";
  public static final String COMMERCIAL_CLUSTER = "COMMERCIAL_CLUSTER";

  private static final int LLOYD_ITERATIONS = 2;

  private final long seed;
  private final int minGrids;
  private final int maxGrids;

  /**
   * @param seed random seed
   * @param minGrids fewest grids per village (or per street without villages), at least 1
   * @param maxGrids most grids for a busy village
   */
  public SyntheticArea(long seed, int minGrids, int maxGrids) {
    if (minGrids < 1 || maxGrids < minGrids) {
      throw new IllegalArgumentException("Need 1 <= minGrids <= maxGrids");
    }
    this.seed = seed;
    this.minGrids = minGrids;
    this.maxGrids = maxGrids;
  }

  /** A synthesised street or village boundary. */
  public record Boundary(String code, Geometry geometry) {}

  /** A synthesised grid; {@code divisionCode} is a village, or a street that has no villages. */
  public record Grid(
      String code, String name, String divisionCode, String type, Geometry geometry) {}

  /** What one district yields. */
  public record Result(List<Boundary> boundaries, List<Grid> grids) {}

  /**
   * Synthesises one district.
   *
   * @param district the district
   * @param boundary its real boundary polygon
   * @param children the division tree: children of a code in code order
   */
  public Result district(
      Division district, Geometry boundary, Function<String, List<Division>> children) {
    List<Boundary> boundaries = new ArrayList<>();
    List<Grid> grids = new ArrayList<>();
    List<Division> streets = children.apply(district.code());
    List<Geometry> streetCells = cut(boundary, streets.size(), district.code());
    for (int s = 0; s < streets.size(); s++) {
      Division street = streets.get(s);
      Geometry streetShape = streetCells.get(s);
      boundaries.add(new Boundary(street.code(), streetShape));
      List<Division> villages = children.apply(street.code());
      if (villages.isEmpty()) {
        addGrids(street, streetShape, grids);
        continue;
      }
      List<Geometry> villageCells = cut(streetShape, villages.size(), street.code());
      for (int v = 0; v < villages.size(); v++) {
        boundaries.add(new Boundary(villages.get(v).code(), villageCells.get(v)));
        addGrids(villages.get(v), villageCells.get(v), grids);
      }
    }
    return new Result(boundaries, grids);
  }

  private void addGrids(Division division, Geometry shape, List<Grid> out) {
    Random random = new Random(seedFor(division.code()) ^ 0x5DEECE66DL);
    // about a third of the villages are "busy" and get more grids
    int count = minGrids;
    if (maxGrids > minGrids && random.nextInt(3) == 0) {
      count = minGrids + 1 + random.nextInt(maxGrids - minGrids);
    }
    List<Geometry> cells = cut(shape, count, division.code() + "/grids");
    for (int i = 0; i < cells.size(); i++) {
      String type = REGULAR;
      String name = division.name() + "第" + (i + 1) + "网格";
      if (cells.size() > 1 && i == cells.size() - 1) {
        int roll = random.nextInt(8);
        if (roll == 0) {
          type = INDUSTRIAL_CLUSTER;
          name = division.name() + "工业聚集区网格";
        } else if (roll == 1) {
          type = COMMERCIAL_CLUSTER;
          name = division.name() + "商贸聚集区网格";
        }
      }
      out.add(
          new Grid(
              String.format("%s-%02d", division.code(), i + 1),
              name,
              division.code(),
              type,
              cells.get(i)));
    }
  }

  private List<Geometry> cut(Geometry parent, int cells, String key) {
    return Tessellation.cut(parent, Math.max(1, cells), seedFor(key), LLOYD_ITERATIONS);
  }

  private long seedFor(String key) {
    // String.hashCode is specified, so seeds are stable across JVMs
    return seed * 31 + key.hashCode();
  }

  /** Children lookup over a list of divisions (the whole tree or part of it), in code order. */
  public static Function<String, List<Division>> childrenOf(List<Division> divisions) {
    Map<String, List<Division>> byParent = new HashMap<>();
    for (Division d : divisions) {
      if (d.parentCode() != null) {
        byParent.computeIfAbsent(d.parentCode(), k -> new ArrayList<>()).add(d);
      }
    }
    byParent.values().forEach(list -> list.sort(Comparator.comparing(Division::code)));
    return code -> byParent.getOrDefault(code, List.of());
  }
}

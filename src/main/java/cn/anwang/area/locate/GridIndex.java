package cn.anwang.area.locate;

import cn.anwang.area.Location;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * An immutable point-to-grid index: a uniform cell raster over all grids, where each cell lists the
 * grids that may cover a point in it, smallest first, and marks the grids that cover the whole
 * cell. Most points fall in a cell that one grid covers entirely and are answered with two
 * multiplications and an array read; the rest run an exact point-in-polygon test (the same robust
 * predicate as JTS) on the few candidates of their cell.
 *
 * <p>Semantics, identical to a brute-force scan with JTS {@code Geometry.covers}: a point on a
 * grid's boundary is in the grid; a point in a hole is not; of several grids that cover the point
 * the one with the smallest area wins, then the lowest code.
 *
 * <p>Exactness of the raster: cells are classified on rectangles widened by {@link #EPS} (1e-9°,
 * far above the rounding of the point-to-cell arithmetic), a cell is "full" only when no grid edge
 * touches its widened rectangle and its centre is covered, and every other touched cell keeps the
 * grid as a candidate to test exactly. So the raster can only send a point to exact tests, never
 * give a different answer.
 *
 * <p>Public only for the benchmark; no other module uses it. Thread-safe: nothing changes after
 * {@link #build}.
 */
public final class GridIndex {

  static final double EPS = 1e-9;

  /** Above this many vertices a grid is tested with JTS's indexed locator instead of a scan. */
  private static final int LARGE_GRID_VERTICES = 256;

  /** About this many raster cells per grid: most cells then lie wholly inside one grid. */
  private static final long CELLS_PER_GRID = 64;

  private static final long MAX_CELLS = 1L << 22;

  private final long version;
  private final Location[] locations;
  private final Shape[] shapes;
  private final double[] boxes;
  private final double minX;
  private final double minY;
  private final double maxX;
  private final double maxY;
  private final double invCellW;
  private final double invCellH;
  private final int nx;
  private final int ny;
  private final int[] cellStart;
  private final int[] entries;

  private GridIndex(
      long version,
      Location[] locations,
      Shape[] shapes,
      double[] boxes,
      Raster raster,
      int[] cellStart,
      int[] entries) {
    this.version = version;
    this.locations = locations;
    this.shapes = shapes;
    this.boxes = boxes;
    this.minX = raster.minX;
    this.minY = raster.minY;
    this.maxX = raster.maxX;
    this.maxY = raster.maxY;
    this.invCellW = raster.nx / (raster.maxX - raster.minX);
    this.invCellH = raster.ny / (raster.maxY - raster.minY);
    this.nx = raster.nx;
    this.ny = raster.ny;
    this.cellStart = cellStart;
    this.entries = entries;
  }

  /** An index of no grids: every locate misses. */
  public static GridIndex empty(long version) {
    return build(List.of(), version);
  }

  /**
   * Builds the index.
   *
   * @param grids the grids, codes unique
   * @param version the {@code grid_index_version} these grids were read at
   */
  public static GridIndex build(Collection<IndexedGrid> grids, long version) {
    List<IndexedGrid> ordered = new ArrayList<>(grids);
    ordered.sort(Comparator.comparingDouble(IndexedGrid::areaM2).thenComparing(IndexedGrid::code));
    Set<String> codes = new HashSet<>();
    for (IndexedGrid grid : ordered) {
      if (!codes.add(grid.code())) {
        throw new IllegalArgumentException("Duplicate grid code " + grid.code());
      }
    }
    int n = ordered.size();
    Location[] locations = new Location[n];
    Shape[] shapes = new Shape[n];
    double[] boxes = new double[n * 4];
    Envelope all = new Envelope();
    for (int rank = 0; rank < n; rank++) {
      IndexedGrid grid = ordered.get(rank);
      locations[rank] = grid.location();
      shapes[rank] = Shape.of(grid.geometry());
      Envelope e = grid.geometry().getEnvelopeInternal();
      boxes[rank * 4] = e.getMinX();
      boxes[rank * 4 + 1] = e.getMinY();
      boxes[rank * 4 + 2] = e.getMaxX();
      boxes[rank * 4 + 3] = e.getMaxY();
      all.expandToInclude(e);
    }
    if (n == 0) {
      Raster none = new Raster(0, 0, 1, 1, 1, 1);
      return new GridIndex(version, locations, shapes, boxes, none, new int[] {0, 0}, new int[0]);
    }
    Raster raster = Raster.over(all, n);
    Cells cells = new Cells();
    for (int rank = 0; rank < n; rank++) {
      raster.classify(rank, shapes[rank], boxes, cells);
    }
    int cellCount = raster.nx * raster.ny;
    int[] start = new int[cellCount + 1];
    int[] entries = cells.toCsr(cellCount, start);
    return new GridIndex(version, locations, shapes, boxes, raster, start, entries);
  }

  /** The location of the point, or null when no grid covers it. */
  public Location locate(double lon, double lat) {
    int rank = locateRank(lon, lat);
    return rank < 0 ? null : locations[rank];
  }

  /** The rank (position by area, then code) of the grid covering the point, or -1. */
  public int locateRank(double x, double y) {
    // written so that NaN fails too
    if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) {
      return -1;
    }
    int ix = (int) ((x - minX) * invCellW);
    int iy = (int) ((y - minY) * invCellH);
    if (ix >= nx) {
      ix = nx - 1;
    }
    if (iy >= ny) {
      iy = ny - 1;
    }
    int cell = iy * nx + ix;
    for (int i = cellStart[cell], end = cellStart[cell + 1]; i < end; i++) {
      int entry = entries[i];
      if (entry < 0) {
        return ~entry;
      }
      int b = entry * 4;
      if (x >= boxes[b]
          && y >= boxes[b + 1]
          && x <= boxes[b + 2]
          && y <= boxes[b + 3]
          && shapes[entry].covers(x, y)) {
        return entry;
      }
    }
    return -1;
  }

  /** The grid of a rank. */
  public Location location(int rank) {
    return locations[rank];
  }

  public int size() {
    return locations.length;
  }

  public long version() {
    return version;
  }

  /** Raster cells, for the benchmark's report. */
  public int cellCount() {
    return nx * ny;
  }

  /** Candidate entries over all cells, for the benchmark's report. */
  public int entryCount() {
    return entries.length;
  }

  /** A grid's rings as flat coordinate arrays, or JTS's indexed locator for very large grids. */
  private static final class Shape {

    /** polygons[p][0] is the shell of part p, the rest its holes; each x0, y0, x1, y1, …. */
    private final double[][][] polygons;

    private final PointOnGeometryLocator large;

    private Shape(double[][][] polygons, PointOnGeometryLocator large) {
      this.polygons = polygons;
      this.large = large;
    }

    static Shape of(Geometry geometry) {
      double[][][] polygons = new double[geometry.getNumGeometries()][][];
      for (int p = 0; p < polygons.length; p++) {
        Polygon polygon = (Polygon) geometry.getGeometryN(p);
        double[][] rings = new double[polygon.getNumInteriorRing() + 1][];
        rings[0] = flat(polygon.getExteriorRing());
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
          rings[h + 1] = flat(polygon.getInteriorRingN(h));
        }
        polygons[p] = rings;
      }
      PointOnGeometryLocator large = null;
      if (geometry.getNumPoints() > LARGE_GRID_VERTICES) {
        large = new IndexedPointInAreaLocator(geometry);
        // build its lazy index now, not on the first request
        large.locate(geometry.getCoordinate());
      }
      return new Shape(polygons, large);
    }

    private static double[] flat(LinearRing ring) {
      Coordinate[] coordinates = ring.getCoordinates();
      double[] flat = new double[coordinates.length * 2];
      for (int i = 0; i < coordinates.length; i++) {
        flat[i * 2] = coordinates[i].x;
        flat[i * 2 + 1] = coordinates[i].y;
      }
      return flat;
    }

    boolean covers(double x, double y) {
      if (large != null) {
        return large.locate(new Coordinate(x, y)) != org.locationtech.jts.geom.Location.EXTERIOR;
      }
      for (double[][] rings : polygons) {
        int shell = RingLocator.locate(rings[0], x, y);
        if (shell == RingLocator.EXTERIOR) {
          continue;
        }
        if (shell == RingLocator.BOUNDARY) {
          return true;
        }
        boolean inHole = false;
        for (int h = 1; h < rings.length && !inHole; h++) {
          int hole = RingLocator.locate(rings[h], x, y);
          if (hole == RingLocator.BOUNDARY) {
            return true;
          }
          inHole = hole == RingLocator.INTERIOR;
        }
        if (!inHole) {
          return true;
        }
      }
      return false;
    }

    double[][][] polygons() {
      return polygons;
    }
  }

  /** The uniform raster and the classification of a grid's cells. */
  private static final class Raster {

    final double minX;
    final double minY;
    final double maxX;
    final double maxY;
    final int nx;
    final int ny;
    final double cellW;
    final double cellH;

    Raster(double minX, double minY, double maxX, double maxY, int nx, int ny) {
      this.minX = minX;
      this.minY = minY;
      this.maxX = maxX;
      this.maxY = maxY;
      this.nx = nx;
      this.ny = ny;
      this.cellW = (maxX - minX) / nx;
      this.cellH = (maxY - minY) / ny;
    }

    static Raster over(Envelope all, int grids) {
      Envelope e = new Envelope(all);
      e.expandBy(EPS * 4);
      double w = e.getWidth();
      double h = e.getHeight();
      long target = Math.max(64, Math.min(MAX_CELLS, grids * CELLS_PER_GRID));
      double side = Math.sqrt(w * h / target);
      int nx = (int) Math.max(1, Math.min(1 << 14, Math.ceil(w / side)));
      int ny = (int) Math.max(1, Math.min(1 << 14, Math.ceil(h / side)));
      while ((long) nx * ny > MAX_CELLS) {
        nx = Math.max(1, nx / 2);
        ny = Math.max(1, ny / 2);
      }
      return new Raster(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), nx, ny);
    }

    int cellX(double x) {
      int ix = (int) Math.floor((x - minX) / cellW);
      return Math.max(0, Math.min(nx - 1, ix));
    }

    int cellY(double y) {
      int iy = (int) Math.floor((y - minY) / cellH);
      return Math.max(0, Math.min(ny - 1, iy));
    }

    void classify(int rank, Shape shape, double[] boxes, Cells out) {
      int x0 = cellX(boxes[rank * 4] - EPS);
      int y0 = cellY(boxes[rank * 4 + 1] - EPS);
      int x1 = cellX(boxes[rank * 4 + 2] + EPS);
      int y1 = cellY(boxes[rank * 4 + 3] + EPS);
      int w = x1 - x0 + 1;
      boolean[] touched = new boolean[w * (y1 - y0 + 1)];
      for (double[][] rings : shape.polygons()) {
        for (double[] ring : rings) {
          for (int i = 2; i < ring.length; i += 2) {
            markSegment(ring[i - 2], ring[i - 1], ring[i], ring[i + 1], x0, y0, x1, y1, touched);
          }
        }
      }
      for (int iy = y0; iy <= y1; iy++) {
        // along a row, untouched neighbours share an untouched side, so one centre test
        // decides a whole run of untouched cells
        boolean known = false;
        boolean inside = false;
        for (int ix = x0; ix <= x1; ix++) {
          int cell = iy * nx + ix;
          if (touched[(iy - y0) * w + (ix - x0)]) {
            out.add(cell, rank);
            known = false;
            continue;
          }
          if (!known) {
            inside = shape.covers(minX + (ix + 0.5) * cellW, minY + (iy + 0.5) * cellH);
            known = true;
          }
          if (inside) {
            out.add(cell, ~rank);
          }
        }
      }
    }

    /** Marks every cell whose widened rectangle the segment touches (or may touch). */
    private void markSegment(
        double ax,
        double ay,
        double bx,
        double by,
        int x0,
        int y0,
        int x1,
        int y1,
        boolean[] touched) {
      int sx0 = Math.max(x0, cellX(Math.min(ax, bx) - EPS));
      int sx1 = Math.min(x1, cellX(Math.max(ax, bx) + EPS));
      int sy0 = Math.max(y0, cellY(Math.min(ay, by) - EPS));
      int sy1 = Math.min(y1, cellY(Math.max(ay, by) + EPS));
      int w = x1 - x0 + 1;
      boolean straight = sx0 == sx1 || sy0 == sy1;
      double dx = bx - ax;
      double dy = by - ay;
      for (int iy = sy0; iy <= sy1; iy++) {
        double ry0 = minY + iy * cellH - EPS;
        double ry1 = minY + (iy + 1) * cellH + EPS;
        for (int ix = sx0; ix <= sx1; ix++) {
          if (!straight) {
            double rx0 = minX + ix * cellW - EPS;
            double rx1 = minX + (ix + 1) * cellW + EPS;
            // the bounding boxes overlap; the segment misses the rectangle only if its line
            // has all four corners strictly on one side
            int side =
                sign(dx * (ry0 - ay) - dy * (rx0 - ax))
                    + sign(dx * (ry0 - ay) - dy * (rx1 - ax))
                    + sign(dx * (ry1 - ay) - dy * (rx0 - ax))
                    + sign(dx * (ry1 - ay) - dy * (rx1 - ax));
            if (side == 4 || side == -4) {
              continue;
            }
          }
          touched[(iy - y0) * w + (ix - x0)] = true;
        }
      }
    }

    private static int sign(double v) {
      return v > 0 ? 1 : v < 0 ? -1 : 0;
    }
  }

  /** (cell, entry) pairs in rank order, turned into compressed rows per cell. */
  private static final class Cells {

    private int[] cells = new int[1 << 16];
    private int[] values = new int[1 << 16];
    private int size;

    void add(int cell, int value) {
      if (size == cells.length) {
        cells = Arrays.copyOf(cells, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      cells[size] = cell;
      values[size] = value;
      size++;
    }

    /**
     * A stable counting sort by cell keeps each cell's entries in rank order; entries after the
     * first full one can never win, so they are dropped.
     */
    int[] toCsr(int cellCount, int[] start) {
      int[] counts = new int[cellCount + 1];
      for (int i = 0; i < size; i++) {
        counts[cells[i] + 1]++;
      }
      for (int c = 0; c < cellCount; c++) {
        counts[c + 1] += counts[c];
      }
      int[] sorted = new int[size];
      int[] next = Arrays.copyOf(counts, cellCount);
      for (int i = 0; i < size; i++) {
        sorted[next[cells[i]]++] = values[i];
      }
      int[] kept = new int[size];
      int k = 0;
      for (int c = 0; c < cellCount; c++) {
        start[c] = k;
        for (int i = counts[c]; i < counts[c + 1]; i++) {
          kept[k++] = sorted[i];
          if (sorted[i] < 0) {
            break;
          }
        }
      }
      start[cellCount] = k;
      return Arrays.copyOf(kept, k);
    }
  }
}

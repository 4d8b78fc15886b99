package cn.anwang.bench;

import cn.anwang.area.Location;
import cn.anwang.area.locate.BruteForceLocator;
import cn.anwang.area.locate.GridIndex;
import cn.anwang.area.locate.IndexedGrid;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The locate benchmark on a synthetic Tianjin of 20,000+ grids: index build time and retained
 * memory, single-thread locates per second (random points in Tianjin's bounding box, and points
 * known to be inside grids), checked against brute force on a sample first. Plain main, one thread;
 * see docs/benchmarks.md for the command and results.
 */
public final class LocateBenchmark {

  private static final long SEED = 20261129L;
  private static final int VERIFY_POINTS = 10_000;
  private static final int POINTS = 1 << 20;
  private static final int ROUNDS = 5;

  private LocateBenchmark() {}

  public static void main(String[] args) {
    System.out.printf(
        Locale.ROOT,
        "Java %s, %d processors available, max heap %d MB%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    long t0 = System.nanoTime();
    TianjinSyntheticCity city = new TianjinSyntheticCity(SEED, 3, 6);
    System.out.printf(
        Locale.ROOT,
        "Synthesised %,d grids in 16 districts (%,d divisions) in %.1f s%n",
        city.indexed.size(),
        city.divisions.size(),
        seconds(t0));

    // build: warm the code once, then time the second build
    GridIndex.build(city.indexed, 0);
    long heapBefore = HeapSampler.usedAfterGc(4);
    long t1 = System.nanoTime();
    GridIndex index = GridIndex.build(city.indexed, 1);
    double buildMs = (System.nanoTime() - t1) / 1e6;
    long heapAfter = HeapSampler.usedAfterGc(4);
    System.out.printf(
        Locale.ROOT,
        "Index build: %.0f ms; raster %,d cells, %,d candidate entries%n",
        buildMs,
        index.cellCount(),
        index.entryCount());
    System.out.printf(
        Locale.ROOT,
        "Index retained heap: %.1f MB (used heap after full GC, with and without the index)%n",
        (heapAfter - heapBefore) / 1e6);

    Envelope box = city.bounds;
    double[] randomPoints = randomInBox(box, POINTS, new Random(SEED));
    double[] insidePoints = insideGrids(city, POINTS, new Random(SEED + 1));

    verify(index, city, box);

    measure("random points in Tianjin's bounding box", index, randomPoints);
    measure("points inside grids", index, insidePoints);

    strTreeBaseline(city, randomPoints, insidePoints);
  }

  /**
   * For comparison only: the textbook structure (JTS STRtree of PreparedGeometry, smallest covering
   * grid wins) on the same points, fewer of them because it is slower.
   */
  private static void strTreeBaseline(
      TianjinSyntheticCity city, double[] randomPoints, double[] insidePoints) {
    long t = System.nanoTime();
    STRtree tree = new STRtree();
    for (IndexedGrid grid : city.indexed) {
      tree.insert(
          grid.geometry().getEnvelopeInternal(),
          new Candidate(PreparedGeometryFactory.prepare(grid.geometry()), grid));
    }
    tree.build();
    System.out.printf(
        Locale.ROOT, "Baseline STRtree + PreparedGeometry: built in %.0f ms%n", seconds(t) * 1000);
    GeometryFactory factory = new GeometryFactory();
    for (String what : new String[] {"random points in the box", "points inside grids"}) {
      double[] points = what.startsWith("random") ? randomPoints : insidePoints;
      int n = 200_000;
      double best = 0;
      for (int round = 0; round < 4; round++) {
        long start = System.nanoTime();
        long hits = 0;
        for (int i = 0; i < n; i++) {
          double x = points[2 * i];
          double y = points[2 * i + 1];
          var point = factory.createPoint(new Coordinate(x, y));
          IndexedGrid found = null;
          for (Object o : tree.query(new Envelope(x, x, y, y))) {
            Candidate c = (Candidate) o;
            if ((found == null || c.grid.areaM2() < found.areaM2()) && c.prepared.covers(point)) {
              found = c.grid;
            }
          }
          hits += found == null ? 0 : 1;
        }
        best = Math.max(best, n / ((System.nanoTime() - start) / 1e9));
        if (hits < 0) {
          System.out.println();
        }
      }
      System.out.printf(
          Locale.ROOT,
          "Baseline STRtree + PreparedGeometry, single thread, %s: best of 4 rounds %,.0f"
              + " locates/s%n",
          what,
          best);
    }
  }

  private record Candidate(PreparedGeometry prepared, IndexedGrid grid) {}

  private static void verify(GridIndex index, TianjinSyntheticCity city, Envelope box) {
    BruteForceLocator oracle = new BruteForceLocator(city.indexed);
    double[] sample = randomInBox(box, VERIFY_POINTS, new Random(SEED + 2));
    double[] inside = insideGrids(city, VERIFY_POINTS, new Random(SEED + 3));
    double[] vertices = new double[VERIFY_POINTS * 2];
    Random random = new Random(SEED + 4);
    for (int i = 0; i < VERIFY_POINTS; i++) {
      Coordinate[] cs =
          city.indexed.get(random.nextInt(city.indexed.size())).geometry().getCoordinates();
      Coordinate c = cs[random.nextInt(cs.length)];
      vertices[2 * i] = c.x;
      vertices[2 * i + 1] = c.y;
    }
    long t = System.nanoTime();
    int checked = 0;
    int found = 0;
    for (double[] points : new double[][] {sample, inside, vertices}) {
      for (int i = 0; i < points.length; i += 2) {
        Location expected = oracle.locate(points[i], points[i + 1]);
        Location actual = index.locate(points[i], points[i + 1]);
        if (!Objects.equals(expected, actual)) {
          throw new AssertionError(
              String.format(
                  Locale.ROOT,
                  "MISMATCH at (%.12f, %.12f): index %s, brute force %s",
                  points[i],
                  points[i + 1],
                  actual,
                  expected));
        }
        checked++;
        found += actual == null ? 0 : 1;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Verified %,d points against brute force (%,d random in the box, %,d inside grids,"
            + " %,d grid vertices): all equal, %,d located, in %.1f s%n",
        checked,
        VERIFY_POINTS,
        VERIFY_POINTS,
        VERIFY_POINTS,
        found,
        seconds(t));
  }

  private static void measure(String what, GridIndex index, double[] points) {
    double[] rates = new double[ROUNDS];
    long hits = 0;
    // warm-up: let the JIT compile the hot path
    for (int r = 0; r < 3; r++) {
      hits += run(index, points);
    }
    for (int r = 0; r < ROUNDS; r++) {
      long t = System.nanoTime();
      hits += run(index, points);
      rates[r] = (points.length / 2) / ((System.nanoTime() - t) / 1e9);
    }
    Arrays.sort(rates);
    System.out.printf(
        Locale.ROOT,
        "Single thread, %s: median %,.0f locates/s (min %,.0f, max %,.0f) over %d rounds of"
            + " %,d points; %.1f%% located%n",
        what,
        rates[ROUNDS / 2],
        rates[0],
        rates[ROUNDS - 1],
        ROUNDS,
        points.length / 2,
        100.0 * (run(index, points)) / (points.length / 2));
    if (hits == 42) {
      System.out.println();
    }
  }

  private static long run(GridIndex index, double[] points) {
    long hits = 0;
    for (int i = 0; i < points.length; i += 2) {
      if (index.locateRank(points[i], points[i + 1]) >= 0) {
        hits++;
      }
    }
    return hits;
  }

  private static double[] randomInBox(Envelope box, int n, Random random) {
    double[] points = new double[n * 2];
    for (int i = 0; i < n; i++) {
      points[2 * i] = box.getMinX() + random.nextDouble() * box.getWidth();
      points[2 * i + 1] = box.getMinY() + random.nextDouble() * box.getHeight();
    }
    return points;
  }

  /** Points drawn uniformly inside randomly chosen grids (rejection sampling in each envelope). */
  static double[] insideGrids(TianjinSyntheticCity city, int n, Random random) {
    GeometryFactory factory = new GeometryFactory();
    PreparedGeometry[] prepared = new PreparedGeometry[city.indexed.size()];
    double[] points = new double[n * 2];
    for (int i = 0; i < n; i++) {
      int g = random.nextInt(prepared.length);
      IndexedGrid grid = city.indexed.get(g);
      if (prepared[g] == null) {
        prepared[g] = PreparedGeometryFactory.prepare(grid.geometry());
      }
      Envelope e = grid.geometry().getEnvelopeInternal();
      while (true) {
        double x = e.getMinX() + random.nextDouble() * e.getWidth();
        double y = e.getMinY() + random.nextDouble() * e.getHeight();
        if (prepared[g].covers(factory.createPoint(new Coordinate(x, y)))) {
          points[2 * i] = x;
          points[2 * i + 1] = y;
          break;
        }
      }
    }
    return points;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}

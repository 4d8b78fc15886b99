package cn.anwang.area.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Cuts a polygon into cells with a clipped Voronoi diagram: seeds drawn at random inside the
 * polygon (from a seed, so the result is deterministic), moved a few times to their cells'
 * centroids (Lloyd relaxation, for rounder cells), then the diagram intersected with the polygon.
 * The Voronoi cells tile the plane, so the clipped cells cover the polygon and overlap only along
 * shared edges; nothing is dropped, slivers included. Each cell is a valid Polygon or MultiPolygon
 * (a cell may break into parts where the polygon is concave).
 *
 * <p>Public only for the benchmark; pure JTS, no Spring.
 */
public final class Tessellation {

  private static final int ATTEMPTS_PER_SEED = 10_000;

  private Tessellation() {}

  /**
   * Cuts {@code parent} into {@code cells} cells, numbered north-west first.
   *
   * @param parent a valid Polygon or MultiPolygon with area
   * @param cells how many cells, at least 1
   * @param seed the random seed: equal arguments give equal results
   * @param lloydIterations relaxation steps (0 for raw random Voronoi cells)
   */
  public static List<Geometry> cut(Geometry parent, int cells, long seed, int lloydIterations) {
    if (cells < 1) {
      throw new IllegalArgumentException("At least one cell, got " + cells);
    }
    if (parent.getArea() <= 0) {
      throw new IllegalArgumentException("The parent polygon has no area");
    }
    if (cells == 1) {
      return List.of(parent.copy());
    }
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(parent);
    GeometryFactory factory = parent.getFactory();
    List<Coordinate> sites = randomSites(parent, prepared, cells, new Random(seed));
    List<Geometry> result = clippedCells(parent, prepared, sites);
    for (int i = 0; i < lloydIterations; i++) {
      List<Coordinate> moved = new ArrayList<>(result.size());
      for (Geometry cell : result) {
        Point centroid = cell.getCentroid();
        // a centroid outside the parent (concave cell) would lose the cell: use a point inside
        Point site = prepared.containsProperly(centroid) ? centroid : cell.getInteriorPoint();
        moved.add(site.getCoordinate());
      }
      result = clippedCells(parent, prepared, moved);
    }
    result.sort(
        Comparator.<Geometry>comparingDouble(g -> -g.getEnvelopeInternal().centre().y)
            .thenComparingDouble(g -> g.getEnvelopeInternal().centre().x));
    return result;
  }

  private static List<Coordinate> randomSites(
      Geometry parent, PreparedGeometry prepared, int count, Random random) {
    Envelope env = parent.getEnvelopeInternal();
    GeometryFactory factory = parent.getFactory();
    List<Coordinate> sites = new ArrayList<>(count);
    long attempts = (long) count * ATTEMPTS_PER_SEED;
    while (sites.size() < count && attempts-- > 0) {
      Coordinate c =
          new Coordinate(
              env.getMinX() + random.nextDouble() * env.getWidth(),
              env.getMinY() + random.nextDouble() * env.getHeight());
      if (prepared.containsProperly(factory.createPoint(c))) {
        sites.add(c);
      }
    }
    if (sites.size() < count) {
      throw new IllegalStateException("Could not place " + count + " seeds inside the polygon");
    }
    return sites;
  }

  private static List<Geometry> clippedCells(
      Geometry parent, PreparedGeometry prepared, List<Coordinate> sites) {
    VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
    builder.setSites(sites);
    Envelope clip = new Envelope(parent.getEnvelopeInternal());
    clip.expandBy(Math.max(clip.getWidth(), clip.getHeight()));
    builder.setClipEnvelope(clip);
    GeometryFactory factory = parent.getFactory();
    Geometry diagram = builder.getDiagram(factory);
    List<Geometry> cells = new ArrayList<>(diagram.getNumGeometries());
    for (int i = 0; i < diagram.getNumGeometries(); i++) {
      Geometry cell = diagram.getGeometryN(i);
      Geometry clipped =
          prepared.covers(cell) ? cell : polygonal(cell.intersection(parent), factory);
      if (!clipped.isEmpty()) {
        cells.add(clipped);
      }
    }
    return cells;
  }

  @SuppressWarnings("unchecked")
  private static Geometry polygonal(Geometry geometry, GeometryFactory factory) {
    List<Polygon> polygons = PolygonExtracter.getPolygons(geometry);
    return factory.buildGeometry(new ArrayList<>(polygons));
  }
}

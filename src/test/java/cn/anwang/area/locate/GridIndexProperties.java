package cn.anwang.area.locate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.area.demo.Tessellation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.util.GeometricShapeFactory;

class GridIndexProperties {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  /**
   * Random tessellations of a random star-shaped parent, plus overlapping discs (some holed) on
   * top; random points, every vertex and every edge midpoint: the index answers as brute force.
   */
  @Property(tries = 40)
  void locateEqualsBruteForce(@ForAll long seed) {
    Random random = new Random(seed);
    Geometry parent = star(random, 117.0 + random.nextDouble(), 39.0 + random.nextDouble());
    List<IndexedGrid> grids = new ArrayList<>();
    int cells = 1 + random.nextInt(40);
    List<Geometry> tiles = Tessellation.cut(parent, cells, seed, random.nextInt(3));
    for (int i = 0; i < tiles.size(); i++) {
      grids.add(Grids.grid(String.format("t%03d", i), tiles.get(i)));
    }
    Envelope env = parent.getEnvelopeInternal();
    for (int i = random.nextInt(6); i > 0; i--) {
      Geometry disc = disc(random, env);
      if (random.nextBoolean()) {
        disc = disc.difference(disc(random, disc.getEnvelopeInternal()));
      }
      if (!disc.isEmpty() && disc.getArea() > 0) {
        grids.add(Grids.grid("o" + i, disc));
      }
    }
    GridIndex index = GridIndex.build(grids, 1);
    BruteForceLocator oracle = new BruteForceLocator(grids);
    List<Coordinate> points = new ArrayList<>();
    Envelope wide = new Envelope(env);
    wide.expandBy(env.getWidth() * 0.1);
    for (int i = 0; i < 2000; i++) {
      points.add(
          new Coordinate(
              wide.getMinX() + random.nextDouble() * wide.getWidth(),
              wide.getMinY() + random.nextDouble() * wide.getHeight()));
    }
    for (IndexedGrid grid : grids) {
      Coordinate[] vertices = grid.geometry().getCoordinates();
      for (int i = 0; i < vertices.length; i++) {
        points.add(vertices[i]);
        if (i > 0) {
          points.add(
              new Coordinate(
                  (vertices[i - 1].x + vertices[i].x) / 2,
                  (vertices[i - 1].y + vertices[i].y) / 2));
        }
      }
    }
    for (Coordinate p : points) {
      assertThat(index.locate(p.x, p.y)).as("at %s", p).isEqualTo(oracle.locate(p.x, p.y));
    }
  }

  private static Geometry star(Random random, double cx, double cy) {
    int n = 5 + random.nextInt(20);
    Coordinate[] ring = new Coordinate[n + 1];
    for (int i = 0; i < n; i++) {
      double angle = 2 * Math.PI * i / n;
      double r = 0.01 + random.nextDouble() * 0.04;
      ring[i] = new Coordinate(cx + r * Math.cos(angle), cy + r * Math.sin(angle));
    }
    ring[n] = ring[0];
    return FACTORY.createPolygon(ring);
  }

  private static Geometry disc(Random random, Envelope env) {
    GeometricShapeFactory shapes = new GeometricShapeFactory(FACTORY);
    shapes.setCentre(
        new Coordinate(
            env.getMinX() + random.nextDouble() * env.getWidth(),
            env.getMinY() + random.nextDouble() * env.getHeight()));
    shapes.setSize(Math.max(env.getWidth(), env.getHeight()) * (0.05 + random.nextDouble() * 0.4));
    shapes.setNumPoints(8 + random.nextInt(300));
    return shapes.createCircle();
  }
}

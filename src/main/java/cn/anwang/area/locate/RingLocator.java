package cn.anwang.area.locate;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;

/**
 * Point in ring without allocation, on a ring stored as {@code x0, y0, x1, y1, …} (closed: the last
 * pair repeats the first). It follows JTS's {@code RayCrossingCounter} step by step, with the same
 * robust orientation predicate, so it answers exactly as JTS's point locators do, including points
 * on the boundary.
 */
final class RingLocator {

  static final int INTERIOR = 0;
  static final int BOUNDARY = 1;
  static final int EXTERIOR = 2;

  private RingLocator() {}

  static int locate(double[] ring, double px, double py) {
    int crossings = 0;
    for (int i = 2; i < ring.length; i += 2) {
      // JTS counts the segment (ring[i], ring[i-1]); keep its orientation for identical answers
      double x1 = ring[i];
      double y1 = ring[i + 1];
      double x2 = ring[i - 2];
      double y2 = ring[i - 1];
      if (x1 < px && x2 < px) {
        continue;
      }
      if (px == x2 && py == y2) {
        return BOUNDARY;
      }
      if (y1 == py && y2 == py) {
        double minX = Math.min(x1, x2);
        double maxX = Math.max(x1, x2);
        if (px >= minX && px <= maxX) {
          return BOUNDARY;
        }
        continue;
      }
      if ((y1 > py && y2 <= py) || (y2 > py && y1 <= py)) {
        int orient = CGAlgorithmsDD.orientationIndex(x1, y1, x2, y2, px, py);
        if (orient == 0) {
          return BOUNDARY;
        }
        if (y2 < y1) {
          orient = -orient;
        }
        if (orient > 0) {
          crossings++;
        }
      }
    }
    return (crossings & 1) == 1 ? INTERIOR : EXTERIOR;
  }
}

package cn.anwang.area.locate;

import cn.anwang.area.GridLocator;
import cn.anwang.area.GridsChanged;
import cn.anwang.area.Location;
import cn.anwang.identity.Scope;
import cn.anwang.shared.geo.ChinaCoordinates;
import cn.anwang.shared.geo.CoordinateSystem;
import cn.anwang.shared.geo.GeoPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Holds this server's locate index and answers from it. The index is immutable and replaced as a
 * whole (a volatile reference), so readers never lock and never see half an index. It is rebuilt
 * when {@code grid_index_version} moves: right after a local {@link GridsChanged} commits, and by
 * polling for changes made on other servers.
 */
@Service
class LocateService implements GridLocator {

  private static final Logger log = LoggerFactory.getLogger(LocateService.class);

  private final GridIndexLoader loader;
  private volatile GridIndex index = GridIndex.empty(-1);

  LocateService(GridIndexLoader loader) {
    this.loader = loader;
  }

  @Override
  public Optional<Location> locate(double lon, double lat) {
    return Optional.ofNullable(index.locate(lon, lat));
  }

  @Override
  public long indexVersion() {
    return index.version();
  }

  /** The grid covering a point given in any system, if it lies inside the scope's territory. */
  Optional<Location> locate(GeoPoint point, CoordinateSystem crs, Scope scope) {
    GeoPoint wgs = ChinaCoordinates.toWgs84(point, crs);
    return locate(wgs.lon(), wgs.lat()).filter(l -> scope.covers(l.divisionCode()));
  }

  /** Each point's location in input order, null where none (or outside the scope). */
  List<Location> locateAll(List<GeoPoint> points, CoordinateSystem crs, Scope scope) {
    GridIndex current = index;
    List<Location> results = new ArrayList<>(points.size());
    for (GeoPoint point : points) {
      GeoPoint wgs = ChinaCoordinates.toWgs84(point, crs);
      Location location = current.locate(wgs.lon(), wgs.lat());
      results.add(location != null && scope.covers(location.divisionCode()) ? location : null);
    }
    return results;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(GridsChanged event) {
    log.debug("Grids changed ({}), refreshing the locate index", event.reason());
    refreshIfChanged();
  }

  /** Rebuilds the index when the database's grid version differs from the one in use. */
  synchronized boolean refreshIfChanged() {
    long version = loader.currentVersion();
    if (version == index.version()) {
      return false;
    }
    long started = System.nanoTime();
    GridIndex fresh = loader.load();
    index = fresh;
    log.info(
        "Locate index at grid version {}: {} grids, built in {} ms",
        fresh.version(),
        fresh.size(),
        (System.nanoTime() - started) / 1_000_000);
    return true;
  }

  /** Called by the poller: a database hiccup keeps the old index and is retried next time. */
  void poll() {
    try {
      refreshIfChanged();
    } catch (RuntimeException e) {
      log.warn(
          "Locate index refresh failed, keeping version {}: {}", index.version(), e.toString());
    }
  }
}

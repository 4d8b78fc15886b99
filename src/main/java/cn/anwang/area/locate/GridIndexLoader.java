package cn.anwang.area.locate;

import cn.anwang.area.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads all grids and the divisions they hang from, as of one consistent snapshot. */
@Repository
class GridIndexLoader {

  private static final Logger log = LoggerFactory.getLogger(GridIndexLoader.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate snapshot;

  GridIndexLoader(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
    // one snapshot for the version and the grids: the index never mixes two versions
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    snapshot.setReadOnly(true);
  }

  long currentVersion() {
    return jdbc.sql("SELECT version FROM grid_index_version WHERE id = 1")
        .query(Long.class)
        .single();
  }

  GridIndex load() {
    return snapshot.execute(status -> build());
  }

  private GridIndex build() {
    long version = currentVersion();
    Map<String, Node> divisions = new HashMap<>();
    jdbc.sql("SELECT code, name, level, parent_code FROM division WHERE level <> 'city'")
        .query(
            rs -> {
              divisions.put(
                  rs.getString("code"),
                  new Node(
                      rs.getString("code"),
                      rs.getString("name"),
                      rs.getString("level"),
                      rs.getString("parent_code")));
            });
    List<IndexedGrid> grids = new ArrayList<>();
    WKBReader wkb = new WKBReader();
    jdbc.sql("SELECT code, name, division_code, geometry_wkb, area_m2 FROM grid ORDER BY code")
        .query(
            rs -> {
              String code = rs.getString("code");
              try {
                Geometry geometry = wkb.read(rs.getBytes("geometry_wkb"));
                Location location =
                    location(code, rs.getString("name"), rs.getString("division_code"), divisions);
                grids.add(new IndexedGrid(geometry, rs.getDouble("area_m2"), location));
              } catch (ParseException | IllegalArgumentException e) {
                // one broken row must not take locate down for every other grid
                log.warn("Grid {} left out of the locate index: {}", code, e.getMessage());
              }
            });
    return GridIndex.build(grids, version);
  }

  private static Location location(
      String code, String name, String divisionCode, Map<String, Node> divisions) {
    Node division = divisions.get(divisionCode);
    if (division == null) {
      throw new IllegalArgumentException("unknown division " + divisionCode);
    }
    Node village = division.level().equals("village") ? division : null;
    Node street = village != null ? divisions.get(village.parentCode()) : division;
    if (street == null || !street.level().equals("street")) {
      throw new IllegalArgumentException(
          "division " + divisionCode + " is not a street or village");
    }
    Node district = divisions.get(street.parentCode());
    return new Location(
        new Location.Named(code, name),
        village == null ? null : village.named(),
        street.named(),
        district.named());
  }

  private record Node(String code, String name, String level, String parentCode) {

    Location.Named named() {
      return new Location.Named(code, name);
    }
  }
}

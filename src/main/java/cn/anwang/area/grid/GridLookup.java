package cn.anwang.area.grid;

import cn.anwang.area.Grids;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The area module's {@link Grids} for other modules: summaries, no geometry. */
@Component
class GridLookup implements Grids {

  private final JdbcClient jdbc;
  private final GridRepository repository;
  private final GridGeoJson geoJson;

  GridLookup(JdbcClient jdbc, GridRepository repository, GridGeoJson geoJson) {
    this.jdbc = jdbc;
    this.repository = repository;
    this.geoJson = geoJson;
  }

  @Override
  public String featureCollection(Collection<String> codes) {
    List<GridRow> rows = codes.isEmpty() ? List.of() : repository.findAll(codes);
    return new String(geoJson.collection(rows), StandardCharsets.UTF_8);
  }

  @Override
  public Optional<GridRef> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT code, name, division_code, district_code FROM grid WHERE code = ?")
        .param(code)
        .query(
            (rs, n) ->
                new GridRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  @Override
  public List<GridRef> in(String divisionPrefix) {
    return jdbc.sql(
            "SELECT code, name, division_code, district_code FROM grid"
                + " WHERE division_code LIKE ? ORDER BY code")
        .param(divisionPrefix + "%")
        .query(
            (rs, n) ->
                new GridRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  @Override
  public Optional<Extent> extentOf(String districtCode) {
    return jdbc.sql(
            "SELECT min(min_lon), min(min_lat), max(max_lon), max(max_lat) FROM grid"
                + " WHERE district_code = ? HAVING count(*) > 0")
        .param(districtCode)
        .query(
            (rs, n) ->
                new Extent(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)))
        .optional();
  }
}

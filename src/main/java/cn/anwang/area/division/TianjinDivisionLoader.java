package cn.anwang.area.division;

import cn.anwang.shared.StartupOrder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads the real Tianjin division tree and district boundaries shipped in {@code /tianjin} into an
 * empty database, once. Runs before anything that needs divisions (administrator, demo data).
 */
@Component
@Order(StartupOrder.DIVISIONS)
class TianjinDivisionLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(TianjinDivisionLoader.class);

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;

  TianjinDivisionLoader(
      JdbcClient jdbc,
      JdbcTemplate jdbcTemplate,
      TransactionTemplate transactions,
      ObjectMapper json) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.transactions = transactions;
    this.json = json;
  }

  @Override
  public void run(ApplicationArguments args) {
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql("LOCK TABLE division IN EXCLUSIVE MODE").update();
          long existing = jdbc.sql("SELECT count(*) FROM division").query(Long.class).single();
          if (existing > 0) {
            return;
          }
          long started = System.nanoTime();
          int rows = loadDivisions();
          int boundaries = loadDistrictBoundaries();
          log.info(
              "Loaded {} Tianjin divisions and {} district boundaries in {} ms",
              rows,
              boundaries,
              (System.nanoTime() - started) / 1_000_000);
        });
  }

  private int loadDivisions() {
    jdbc.sql(
            "INSERT INTO division (code, name, level, parent_code) VALUES ('12', '天津市', 'city', NULL)")
        .update();
    List<String[]> rows = readCsv("tianjin/divisions.csv");
    // parents precede children in the file, but insert by level to be independent of its order
    rows.sort((a, b) -> Integer.compare(a[0].length(), b[0].length()));
    jdbcTemplate.batchUpdate(
        "INSERT INTO division (code, name, level, parent_code, district_code) VALUES (?, ?, ?, ?, ?)",
        rows.stream()
            .map(r -> new Object[] {r[0], r[1], r[2], r[3], r[0].substring(0, 6)})
            .toList());
    return rows.size() + 1;
  }

  private int loadDistrictBoundaries() {
    GeoJsonReader reader = new GeoJsonReader(new GeometryFactory(new PrecisionModel(), 4326));
    WKBWriter wkb = new WKBWriter();
    int count = 0;
    try (InputStream in = new ClassPathResource("tianjin/districts.geojson").getInputStream()) {
      JsonNode collection = json.readTree(in);
      for (JsonNode feature : collection.get("features")) {
        String code = feature.get("properties").get("code").asText();
        Geometry geometry = reader.read(feature.get("geometry").toString());
        if (!geometry.isValid()) {
          geometry = geometry.buffer(0);
        }
        count +=
            jdbc.sql("UPDATE division SET boundary_wkb = ? WHERE code = ?")
                .params(wkb.write(geometry), code)
                .update();
      }
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("The shipped district boundaries are unreadable", e);
    }
    return count;
  }

  private static List<String[]> readCsv(String resource) {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
      String header = in.readLine();
      if (header == null || !header.strip().equals("code,name,level,parent_code")) {
        throw new IllegalStateException("Unexpected header in " + resource + ": " + header);
      }
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        line = line.strip();
        if (!line.isEmpty()) {
          rows.add(line.split(",", -1));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("The shipped division tree is unreadable", e);
    }
    return rows;
  }
}

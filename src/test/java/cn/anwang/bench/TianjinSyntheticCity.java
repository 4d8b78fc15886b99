package cn.anwang.bench;

import cn.anwang.area.Division;
import cn.anwang.area.DivisionLevel;
import cn.anwang.area.Location;
import cn.anwang.area.demo.SyntheticArea;
import cn.anwang.area.locate.IndexedGrid;
import cn.anwang.shared.geo.GeodesicArea;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The whole of Tianjin, synthesised in memory: the real tree and district boundaries shipped in
 * {@code /tianjin}, every street and village tessellated inside its parent, and 3–6 grids per
 * village (busier ones get up to 6), about 20,600 grids.
 */
final class TianjinSyntheticCity {

  final List<Division> divisions;
  final Map<String, Division> byCode = new HashMap<>();
  final List<SyntheticArea.Grid> grids;
  final List<IndexedGrid> indexed;
  final Envelope bounds = new Envelope();

  TianjinSyntheticCity(long seed, int minGrids, int maxGrids) {
    divisions = readDivisions();
    divisions.forEach(d -> byCode.put(d.code(), d));
    Map<String, Geometry> boundaries = readDistrictBoundaries();
    Function<String, List<Division>> children = SyntheticArea.childrenOf(divisions);
    SyntheticArea synth = new SyntheticArea(seed, minGrids, maxGrids);
    List<Division> districts =
        divisions.stream().filter(d -> d.level() == DivisionLevel.DISTRICT).toList();
    List<SyntheticArea.Grid> all = Collections.synchronizedList(new ArrayList<>());
    districts.parallelStream()
        .forEach(
            d -> {
              Geometry boundary = boundaries.get(d.code());
              if (boundary == null) {
                throw new IllegalStateException("No boundary for " + d.code());
              }
              all.addAll(synth.district(d, boundary, children).grids());
            });
    grids = new ArrayList<>(all);
    grids.sort(java.util.Comparator.comparing(SyntheticArea.Grid::code));
    indexed = new ArrayList<>(grids.size());
    for (SyntheticArea.Grid g : grids) {
      indexed.add(
          new IndexedGrid(g.geometry(), GeodesicArea.squareMetres(g.geometry()), location(g)));
      bounds.expandToInclude(g.geometry().getEnvelopeInternal());
    }
  }

  Location location(SyntheticArea.Grid grid) {
    Division division = byCode.get(grid.divisionCode());
    Division village = division.level() == DivisionLevel.VILLAGE ? division : null;
    Division street = village != null ? byCode.get(village.parentCode()) : division;
    Division district = byCode.get(street.parentCode());
    return new Location(
        new Location.Named(grid.code(), grid.name()),
        village == null ? null : named(village),
        named(street),
        named(district));
  }

  private static Location.Named named(Division d) {
    return new Location.Named(d.code(), d.name());
  }

  private static List<Division> readDivisions() {
    List<Division> out = new ArrayList<>();
    out.add(new Division("12", "天津市", DivisionLevel.CITY, null, false, false));
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(resource("tianjin/divisions.csv"), StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.strip().split(",", -1);
        out.add(new Division(f[0], f[1], DivisionLevel.ofKey(f[2]), f[3], false, false));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Map<String, Geometry> readDistrictBoundaries() {
    Map<String, Geometry> out = new HashMap<>();
    GeoJsonReader reader = new GeoJsonReader();
    try (InputStream in = resource("tianjin/districts.geojson")) {
      JsonNode collection = new ObjectMapper().readTree(in);
      for (JsonNode feature : collection.get("features")) {
        Geometry g = reader.read(feature.get("geometry").toString());
        if (!g.isValid()) {
          g = g.buffer(0);
        }
        out.put(feature.get("properties").get("code").asText(), g);
      }
    } catch (IOException | org.locationtech.jts.io.ParseException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static InputStream resource(String name) {
    InputStream in = TianjinSyntheticCity.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("Missing resource " + name);
    }
    return in;
  }
}

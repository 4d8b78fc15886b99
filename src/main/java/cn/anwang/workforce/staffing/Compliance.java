package cn.anwang.workforce.staffing;

import cn.anwang.area.Division;
import cn.anwang.area.Grids;
import cn.anwang.area.Grids.GridRef;
import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.registry.GridObjectLoads;
import cn.anwang.registry.GridObjectLoads.VillageRisk;
import cn.anwang.workforce.officer.Coverage;
import cn.anwang.workforce.staffing.StaffingNorms.Norm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staffing compliance (配备达标) of every street, town and park in a division: its active street-tier
 * officers against the norm of its district's category, the heavily loaded villages without an
 * active village officer, and the grids without an active officer ({@link Coverage}); rolled up per
 * district and for the whole division. A handful of grouped queries whatever the division's size,
 * then arithmetic in memory.
 */
@Service
@Transactional(readOnly = true)
public class Compliance {

  public enum Status {
    BELOW,
    WITHIN,
    ABOVE
  }

  public record HeavyVillage(String code, String name, int objects, int highRisk) {}

  /**
   * One street's figures.
   *
   * @param shortfall min − officers when below the norm, else 0
   */
  public record StreetCompliance(
      String code,
      String name,
      String districtCode,
      String category,
      int min,
      int max,
      int officers,
      Status status,
      int shortfall,
      int grids,
      int uncoveredGrids,
      List<HeavyVillage> heavyVillagesWithoutOfficer) {}

  /** A district's or the whole division's figures. */
  public record Rollup(
      String code,
      String name,
      String category,
      int streets,
      int streetsBelow,
      int streetsWithin,
      int streetsAbove,
      int officers,
      int shortfall,
      int heavyVillagesWithoutOfficer,
      int grids,
      int uncoveredGrids) {}

  public record Report(
      String division,
      String name,
      String level,
      Rollup total,
      List<Rollup> districts,
      List<StreetCompliance> streets) {}

  private final JdbcClient jdbc;
  private final CurrentActor actors;
  private final DivisionTree tree;
  private final StaffingNorms norms;
  private final GridObjectLoads loads;
  private final Grids grids;
  private final Coverage coverage;

  Compliance(
      JdbcClient jdbc,
      CurrentActor actors,
      DivisionTree tree,
      StaffingNorms norms,
      GridObjectLoads loads,
      Grids grids,
      Coverage coverage) {
    this.jdbc = jdbc;
    this.actors = actors;
    this.tree = tree;
    this.norms = norms;
    this.loads = loads;
    this.grids = grids;
    this.coverage = coverage;
  }

  /** The figures of a division the caller sees (default: their territory). */
  public Report report(String divisionCode) {
    Actor actor = actors.require();
    return compute(tree.resolve(actor, divisionCode, true));
  }

  Report compute(Division division) {
    String prefix = division.code();
    Map<String, Norm> normByCategory = norms.norms();
    Map<String, String> categories = norms.explicitCategories();
    Map<String, Integer> streetOfficers = new HashMap<>();
    jdbc.sql(
            "SELECT substr(division_code, 1, 9), count(*) FROM officer"
                + " WHERE status = 'ACTIVE' AND tier = 'STREET' AND division_code LIKE ?"
                + " GROUP BY 1")
        .param(prefix + "%")
        .query((rs, n) -> streetOfficers.put(rs.getString(1), rs.getInt(2)))
        .list();
    Set<String> villagesWithOfficer =
        new HashSet<>(
            jdbc.sql(
                    "SELECT DISTINCT division_code FROM officer"
                        + " WHERE status = 'ACTIVE' AND tier = 'VILLAGE' AND division_code LIKE ?")
                .param(prefix + "%")
                .query(String.class)
                .list());
    Map<String, List<VillageRisk>> heavyByStreet = new HashMap<>();
    for (VillageRisk v : loads.byVillage(prefix)) {
      Norm norm = normOf(v.villageCode(), categories, normByCategory);
      boolean heavy =
          v.objects() >= norm.heavyVillageMinObjects()
              || v.highRisk() >= norm.heavyVillageMinHighRisk();
      if (heavy && !villagesWithOfficer.contains(v.villageCode())) {
        heavyByStreet
            .computeIfAbsent(v.villageCode().substring(0, 9), k -> new ArrayList<>())
            .add(v);
      }
    }
    Set<String> covered = coverage.coveredGridCodes(prefix);
    Map<String, int[]> gridCounts = new HashMap<>();
    for (GridRef g : grids.in(prefix)) {
      int[] c = gridCounts.computeIfAbsent(g.divisionCode().substring(0, 9), k -> new int[2]);
      c[0]++;
      if (!covered.contains(g.code())) {
        c[1]++;
      }
    }

    List<StreetCompliance> streets = new ArrayList<>();
    for (Division street : tree.streetsIn(division)) {
      String category =
          categories.getOrDefault(street.districtCode(), StaffingNorms.DEFAULT_CATEGORY);
      Norm norm = normByCategory.get(category);
      int officers = streetOfficers.getOrDefault(street.code(), 0);
      Status status =
          officers < norm.minPerStreet()
              ? Status.BELOW
              : officers > norm.maxPerStreet() ? Status.ABOVE : Status.WITHIN;
      List<HeavyVillage> heavy =
          heavyByStreet.getOrDefault(street.code(), List.of()).stream()
              .sorted(
                  java.util.Comparator.comparing(VillageRisk::highRisk)
                      .thenComparing(VillageRisk::objects)
                      .reversed())
              .map(
                  v ->
                      new HeavyVillage(
                          v.villageCode(),
                          tree.villageName(v.villageCode()),
                          v.objects(),
                          v.highRisk()))
              .toList();
      int[] g = gridCounts.getOrDefault(street.code(), new int[2]);
      streets.add(
          new StreetCompliance(
              street.code(),
              street.name(),
              street.districtCode(),
              category,
              norm.minPerStreet(),
              norm.maxPerStreet(),
              officers,
              status,
              status == Status.BELOW ? norm.minPerStreet() - officers : 0,
              g[0],
              g[1],
              heavy));
    }
    Map<String, List<StreetCompliance>> byDistrict = new LinkedHashMap<>();
    streets.forEach(
        s -> byDistrict.computeIfAbsent(s.districtCode(), k -> new ArrayList<>()).add(s));
    List<Rollup> districts = new ArrayList<>();
    for (Division d : tree.districtsIn(division)) {
      districts.add(
          rollup(
              d.code(),
              d.name(),
              categories.getOrDefault(d.code(), StaffingNorms.DEFAULT_CATEGORY),
              byDistrict.getOrDefault(d.code(), List.of())));
    }
    Rollup total =
        rollup(
            division.code(),
            division.name(),
            division.districtCode() == null
                ? null
                : categories.getOrDefault(division.districtCode(), StaffingNorms.DEFAULT_CATEGORY),
            streets);
    return new Report(
        division.code(), division.name(), division.level().key(), total, districts, streets);
  }

  private static Norm normOf(
      String code, Map<String, String> categories, Map<String, Norm> normByCategory) {
    return normByCategory.get(
        categories.getOrDefault(code.substring(0, 6), StaffingNorms.DEFAULT_CATEGORY));
  }

  private static Rollup rollup(
      String code, String name, String category, List<StreetCompliance> streets) {
    int below = 0;
    int within = 0;
    int above = 0;
    int officers = 0;
    int shortfall = 0;
    int heavy = 0;
    int gridCount = 0;
    int uncovered = 0;
    for (StreetCompliance s : streets) {
      switch (s.status()) {
        case BELOW -> below++;
        case WITHIN -> within++;
        case ABOVE -> above++;
      }
      officers += s.officers();
      shortfall += s.shortfall();
      heavy += s.heavyVillagesWithoutOfficer().size();
      gridCount += s.grids();
      uncovered += s.uncoveredGrids();
    }
    return new Rollup(
        code,
        name,
        category,
        streets.size(),
        below,
        within,
        above,
        officers,
        shortfall,
        heavy,
        gridCount,
        uncovered);
  }
}

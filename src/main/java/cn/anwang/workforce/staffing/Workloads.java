package cn.anwang.workforce.staffing;

import cn.anwang.area.Division;
import cn.anwang.area.DivisionLevel;
import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.registry.GridObjectLoads.GridRisk;
import cn.anwang.workforce.staffing.LoadModel.Holding;
import cn.anwang.workforce.staffing.LoadModel.OfficerRow;
import cn.anwang.workforce.staffing.LoadModel.Snapshot;
import cn.anwang.workforce.staffing.WorkloadSettings.Setting;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Officers' risk-weighted workload ({@link LoadModel}) in a division: each officer's load and flag
 * against their street's mean (OVER above over_ratio × mean, UNDER below under_ratio × mean, with
 * the ratios of their district's setting), per-street and per-district summaries, and a histogram.
 */
@Service
@Transactional(readOnly = true)
public class Workloads {

  public enum Flag {
    OVER,
    UNDER,
    OK
  }

  public record OfficerLoad(
      long officerId,
      String name,
      String tier,
      String divisionCode,
      String streetCode,
      int grids,
      double load,
      double streetMean,
      Flag flag) {}

  public record Summary(
      String code,
      String name,
      int officers,
      double mean,
      double min,
      double max,
      int over,
      int under) {}

  /** Officers whose load lies in [{@code from}, {@code to}) (the last bucket includes its end). */
  public record Bucket(double from, double to, int officers) {}

  /**
   * @param officers every officer's load, or null at city level unless asked for (10,000 rows)
   */
  public record Report(
      String division,
      String name,
      String level,
      Summary total,
      List<Summary> districts,
      List<Summary> streets,
      List<Bucket> histogram,
      List<OfficerLoad> officers) {}

  /** One grid of an officer's, for the load fragment. */
  public record GridLoad(
      String gridCode, int red, int orange, int yellow, int blue, int holders, double share) {}

  public record OfficerDetail(OfficerLoad load, List<GridLoad> grids, Setting setting) {}

  static final int BUCKETS = 10;

  private final CurrentActor actors;
  private final DivisionTree tree;
  private final LoadModel model;

  Workloads(CurrentActor actors, DivisionTree tree, LoadModel model) {
    this.actors = actors;
    this.tree = tree;
    this.model = model;
  }

  public Report report(String divisionCode, boolean withOfficers) {
    Actor actor = actors.require();
    Division division = tree.resolve(actor, divisionCode, true);
    return compute(division, withOfficers || division.level() != DivisionLevel.CITY);
  }

  Report compute(Division division, boolean withOfficers) {
    Snapshot s = model.snapshot(division.code());
    List<OfficerLoad> loads = officerLoads(s);
    Map<String, String> streetNames = new LinkedHashMap<>();
    tree.streetsIn(division).forEach(d -> streetNames.put(d.code(), d.name()));
    List<Summary> streets = new ArrayList<>();
    Map<String, List<OfficerLoad>> byStreet = group(loads, OfficerLoad::streetCode);
    for (var e : streetNames.entrySet()) {
      streets.add(summary(e.getKey(), e.getValue(), byStreet.getOrDefault(e.getKey(), List.of())));
    }
    List<Summary> districts = new ArrayList<>();
    Map<String, List<OfficerLoad>> byDistrict = group(loads, o -> o.streetCode().substring(0, 6));
    for (Division d : tree.districtsIn(division)) {
      districts.add(summary(d.code(), d.name(), byDistrict.getOrDefault(d.code(), List.of())));
    }
    return new Report(
        division.code(),
        division.name(),
        division.level().key(),
        summary(division.code(), division.name(), loads),
        districts,
        streets,
        histogram(loads),
        withOfficers ? loads : null);
  }

  /** The officer's load, grids and flag (the caller has checked the scope). */
  public OfficerDetail officer(long officerId, String streetCode) {
    Snapshot s = model.snapshot(streetCode);
    OfficerLoad load =
        officerLoads(s).stream().filter(o -> o.officerId() == officerId).findFirst().orElse(null);
    Map<String, Integer> holders = new LinkedHashMap<>();
    s.holdings().forEach(h -> holders.merge(h.gridCode(), 1, Integer::sum));
    List<GridLoad> grids = new ArrayList<>();
    for (Holding h : s.holdings()) {
      if (h.officerId() != officerId) {
        continue;
      }
      GridRisk r = s.risks().getOrDefault(h.gridCode(), new GridRisk(h.gridCode(), 0, 0, 0, 0));
      grids.add(
          new GridLoad(
              h.gridCode(),
              r.red(),
              r.orange(),
              r.yellow(),
              r.blue(),
              holders.get(h.gridCode()),
              h.share()));
    }
    return new OfficerDetail(load, grids, s.settingFor(streetCode.substring(0, 6)));
  }

  static List<OfficerLoad> officerLoads(Snapshot s) {
    Map<Long, Double> loads = s.officerLoads();
    Map<Long, Integer> gridCounts = new LinkedHashMap<>();
    s.holdings().forEach(h -> gridCounts.merge(h.officerId(), 1, Integer::sum));
    Map<String, double[]> streetSums = new LinkedHashMap<>();
    for (OfficerRow o : s.officers().values()) {
      double[] sum = streetSums.computeIfAbsent(o.streetCode(), k -> new double[2]);
      sum[0] += loads.get(o.id());
      sum[1]++;
    }
    List<OfficerLoad> out = new ArrayList<>(s.officers().size());
    for (OfficerRow o : s.officers().values()) {
      double[] sum = streetSums.get(o.streetCode());
      double mean = sum[0] / sum[1];
      double load = loads.get(o.id());
      Setting setting = s.settingFor(o.districtCode());
      Flag flag = Flag.OK;
      if (mean > 0 && load > setting.overRatio().doubleValue() * mean) {
        flag = Flag.OVER;
      } else if (mean > 0 && load < setting.underRatio().doubleValue() * mean) {
        flag = Flag.UNDER;
      }
      out.add(
          new OfficerLoad(
              o.id(),
              o.name(),
              o.tier(),
              o.divisionCode(),
              o.streetCode(),
              gridCounts.getOrDefault(o.id(), 0),
              round(load),
              round(mean),
              flag));
    }
    return out;
  }

  private static <K> Map<K, List<OfficerLoad>> group(
      List<OfficerLoad> loads, java.util.function.Function<OfficerLoad, K> key) {
    Map<K, List<OfficerLoad>> out = new LinkedHashMap<>();
    loads.forEach(o -> out.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o));
    return out;
  }

  private static Summary summary(String code, String name, List<OfficerLoad> loads) {
    double sum = 0;
    double min = loads.isEmpty() ? 0 : Double.MAX_VALUE;
    double max = 0;
    int over = 0;
    int under = 0;
    for (OfficerLoad o : loads) {
      sum += o.load();
      min = Math.min(min, o.load());
      max = Math.max(max, o.load());
      if (o.flag() == Flag.OVER) {
        over++;
      } else if (o.flag() == Flag.UNDER) {
        under++;
      }
    }
    return new Summary(
        code,
        name,
        loads.size(),
        round(loads.isEmpty() ? 0 : sum / loads.size()),
        round(min),
        round(max),
        over,
        under);
  }

  /** Ten buckets of equal width from 0 to the largest load (rounded up to a whole number). */
  static List<Bucket> histogram(List<OfficerLoad> loads) {
    double max = loads.stream().mapToDouble(OfficerLoad::load).max().orElse(0);
    double width = Math.max(1, Math.ceil(max / BUCKETS));
    int[] counts = new int[BUCKETS];
    for (OfficerLoad o : loads) {
      counts[Math.min(BUCKETS - 1, (int) (o.load() / width))]++;
    }
    List<Bucket> out = new ArrayList<>(BUCKETS);
    for (int i = 0; i < BUCKETS; i++) {
      out.add(new Bucket(i * width, (i + 1) * width, counts[i]));
    }
    return out;
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  static final Comparator<OfficerLoad> HEAVIEST_FIRST =
      Comparator.comparingDouble(OfficerLoad::load).reversed();
}

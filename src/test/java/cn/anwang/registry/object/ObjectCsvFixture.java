package cn.anwang.registry.object;

import cn.anwang.shared.supervision.HazardFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes an object import file of the demo generator's believable objects (names, addresses, valid
 * USCCs, industries, hazards, contacts) in the template's zh-CN columns, for benchmarks and large
 * tests. Addresses carry a room number so that no two rows share a name and an address.
 */
public final class ObjectCsvFixture {

  /**
   * A place for the n-th object: its district (code and Chinese name) and WGS-84 point, written as
   * given (round it first if the file should look typed by hand).
   */
  public interface Places {
    Place place(int n);
  }

  /**
   * @param districtCode e.g. 120101
   * @param districtName e.g. 和平区
   */
  public record Place(String districtCode, String districtName, double lon, double lat) {}

  private static final Map<HazardFeature, String> HAZARD_LABELS =
      Map.ofEntries(
          Map.entry(HazardFeature.HAZARDOUS_CHEMICALS, "危险化学品"),
          Map.entry(HazardFeature.DUST_EXPLOSION, "粉尘涉爆"),
          Map.entry(HazardFeature.AMMONIA_REFRIGERATION, "涉氨制冷"),
          Map.entry(HazardFeature.CONFINED_SPACE, "有限空间"),
          Map.entry(HazardFeature.METAL_SMELTING, "金属冶炼"),
          Map.entry(HazardFeature.GAS_USE, "燃气使用"),
          Map.entry(HazardFeature.CROWDED_PLACE, "人员密集"),
          Map.entry(HazardFeature.FIREWORKS, "烟花爆竹"),
          Map.entry(HazardFeature.BUILDING_CONSTRUCTION, "建筑施工"),
          Map.entry(HazardFeature.ROAD_TRANSPORT, "道路运输"),
          Map.entry(HazardFeature.SPECIAL_EQUIPMENT, "特种设备"));

  private ObjectCsvFixture() {}

  /** The header line of the files written here. */
  public static final String HEADER = "统一社会信用代码,名称,对象类型,地址,经度,纬度,行业代码,规模,从业人数,危险特征,联系人,联系电话,状态";

  /**
   * Writes {@code rows} objects.
   *
   * @return the bytes written
   */
  public static long write(Path file, Charset charset, int rows, long seed, Places places)
      throws IOException {
    DemoObjects generator = new DemoObjects(seed);
    Set<String> codes = new HashSet<>();
    try (BufferedWriter out = Files.newBufferedWriter(file, charset)) {
      out.write(HEADER);
      out.write('\n');
      for (int n = 0; n < rows; n++) {
        Place p = places.place(n);
        DemoObjects.Draft draft = generator.next(p.districtCode(), p.districtName());
        while (draft.uscc() != null && !codes.add(draft.uscc())) {
          draft = generator.next(p.districtCode(), p.districtName()); // a rare random collision
        }
        DemoObjects.Draft d = draft;
        String kind =
            ObjectTable.KINDS.entrySet().stream()
                .filter(e -> e.getValue() == d.kind())
                .findFirst()
                .orElseThrow()
                .getKey();
        String scale =
            d.scale() == null
                ? ""
                : ObjectTable.SCALES.entrySet().stream()
                    .filter(e -> e.getValue() == d.scale())
                    .findFirst()
                    .orElseThrow()
                    .getKey();
        out.write(
            String.join(
                ",",
                d.uscc() == null ? "" : d.uscc(),
                d.name(),
                kind,
                d.address() + (1 + n / 97 % 30) + "层" + (n % 97 + 1) + "室",
                String.valueOf(p.lon()),
                String.valueOf(p.lat()),
                d.industryCode() == null ? "" : d.industryCode(),
                scale,
                d.employees() == null ? "" : d.employees().toString(),
                d.hazards().stream()
                    .map(HAZARD_LABELS::get)
                    .sorted()
                    .collect(Collectors.joining("、")),
                d.contactName() == null ? "" : d.contactName(),
                d.contactPhone() == null ? "" : d.contactPhone(),
                "在营"));
        out.write('\n');
      }
    }
    return Files.size(file);
  }
}

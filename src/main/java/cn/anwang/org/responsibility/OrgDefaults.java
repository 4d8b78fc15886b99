package cn.anwang.org.responsibility;

import cn.anwang.area.Divisions;
import cn.anwang.identity.AuditLog;
import cn.anwang.org.Department;
import cn.anwang.shared.StartupOrder;
import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds editable defaults at every start, each at most once: the city-level departments and the
 * city-wide rules (so every district has working responsibility from the first start, resolved to
 * the city-level departments until the district creates its own) and, in demo mode, the departments
 * of the demo districts 和平区 and 西青区. Rows are marked seeded; edits and deactivations stick because
 * a default that exists (or existed) is never inserted again.
 */
@Component
@Order(OrgDefaults.ORDER)
class OrgDefaults implements ApplicationRunner {

  /** After the demo area (30), before the demo users (40), who may carry department codes. */
  static final int ORDER = StartupOrder.DEMO_AREA + 5;

  static final List<String> DEMO_DISTRICTS = List.of("120101", "120111");

  private static final Logger log = LoggerFactory.getLogger(OrgDefaults.class);

  /** A shipped department: key, name suffix after the city or district name, duties. */
  record Default(
      String key,
      String cityName,
      String districtSuffix,
      List<String> industries,
      Set<HazardFeature> hazards,
      Set<ObjectKind> kinds,
      boolean fallback) {}

  static final List<Default> DEPARTMENTS =
      List.of(
          new Default(
              "YJ",
              "天津市应急管理局",
              "应急管理局",
              List.of("B", "C"),
              EnumSet.of(
                  HazardFeature.HAZARDOUS_CHEMICALS,
                  HazardFeature.DUST_EXPLOSION,
                  HazardFeature.METAL_SMELTING,
                  HazardFeature.AMMONIA_REFRIGERATION,
                  HazardFeature.CONFINED_SPACE,
                  HazardFeature.FIREWORKS),
              Set.of(),
              true),
          new Default(
              "ZJ",
              "天津市住房和城乡建设委员会",
              "住房和建设委员会",
              List.of("E"),
              EnumSet.of(HazardFeature.BUILDING_CONSTRUCTION),
              Set.of(),
              false),
          new Default(
              "SC",
              "天津市市场监督管理委员会",
              "市场监督管理局",
              List.of("13", "14", "15", "52"),
              EnumSet.of(HazardFeature.SPECIAL_EQUIPMENT),
              EnumSet.of(ObjectKind.SMALL_SHOP, ObjectKind.SMALL_WORKSHOP),
              false),
          new Default(
              "JT",
              "天津市交通运输委员会",
              "交通运输委员会",
              List.of("54"),
              EnumSet.of(HazardFeature.ROAD_TRANSPORT),
              Set.of(),
              false),
          new Default(
              "XF",
              "天津市消防救援总队",
              "消防救援支队",
              List.of("90"),
              EnumSet.of(HazardFeature.CROWDED_PLACE),
              EnumSet.of(ObjectKind.SMALL_ENTERTAINMENT_VENUE),
              false),
          new Default(
              "WL",
              "天津市文化和旅游局",
              "文化和旅游局",
              List.of("88", "90"),
              Set.of(),
              EnumSet.of(ObjectKind.SMALL_ENTERTAINMENT_VENUE),
              false),
          new Default("SW", "天津市商务局", "商务局", List.of("51", "62"), Set.of(), Set.of(), false),
          new Default(
              "CG",
              "天津市城市管理委员会",
              "城市管理委员会",
              List.of("45"),
              EnumSet.of(HazardFeature.GAS_USE),
              Set.of(),
              false),
          new Default("JY", "天津市教育委员会", "教育局", List.of("83"), Set.of(), Set.of(), false),
          new Default("WJ", "天津市卫生健康委员会", "卫生健康委员会", List.of("84"), Set.of(), Set.of(), false));

  private static ResponsibilityRule rule(
      String seedKey,
      int priority,
      List<String> industries,
      Set<HazardFeature> hazards,
      Set<ObjectKind> kinds,
      String key,
      String note) {
    return new ResponsibilityRule(
        null, null, priority, industries, hazards, kinds, key, true, note, seedKey, 0);
  }

  /** The city-wide default rules; notes say where each comes from (默认规则, editable). */
  static final List<ResponsibilityRule> RULES =
      List.of(
          rule(
              "city.hazard-industry-trade",
              10,
              List.of(),
              EnumSet.of(
                  HazardFeature.HAZARDOUS_CHEMICALS,
                  HazardFeature.DUST_EXPLOSION,
                  HazardFeature.METAL_SMELTING,
                  HazardFeature.AMMONIA_REFRIGERATION,
                  HazardFeature.CONFINED_SPACE),
              Set.of(),
              "YJ",
              "默认规则：危险化学品、粉尘涉爆、金属冶炼、涉氨制冷、有限空间 → 应急管理局"),
          rule(
              "city.fireworks",
              11,
              List.of(),
              EnumSet.of(HazardFeature.FIREWORKS),
              Set.of(),
              "YJ",
              "默认规则：烟花爆竹 → 应急管理局"),
          rule(
              "city.mining",
              12,
              List.of("B"),
              Set.of(),
              Set.of(),
              "YJ",
              "默认规则：采矿业（B 门类，非煤矿山）→ 应急管理局"),
          rule(
              "city.construction",
              20,
              List.of("E"),
              Set.of(),
              Set.of(),
              "ZJ",
              "默认规则：建筑业（E 门类，47–50 大类）→ 住房和建设委员会"),
          rule(
              "city.construction-site",
              21,
              List.of(),
              EnumSet.of(HazardFeature.BUILDING_CONSTRUCTION),
              Set.of(),
              "ZJ",
              "默认规则：建筑施工 → 住房和建设委员会"),
          rule(
              "city.food-workshop",
              30,
              List.of("13", "14", "15"),
              Set.of(),
              EnumSet.of(ObjectKind.SMALL_WORKSHOP),
              "SC",
              "默认规则：食品加工小作坊（13–15 大类）→ 市场监督管理局"),
          rule(
              "city.retail",
              31,
              List.of("52"),
              Set.of(),
              Set.of(),
              "SC",
              "默认规则：零售业（52 大类）→ 市场监督管理局"),
          rule(
              "city.small-shop",
              32,
              List.of(),
              Set.of(),
              EnumSet.of(ObjectKind.SMALL_SHOP),
              "SC",
              "默认规则：小商铺 → 市场监督管理局"),
          rule(
              "city.special-equipment",
              33,
              List.of(),
              EnumSet.of(HazardFeature.SPECIAL_EQUIPMENT),
              Set.of(),
              "SC",
              "默认规则：特种设备 → 市场监督管理局"),
          rule(
              "city.road-transport",
              40,
              List.of("54"),
              Set.of(),
              Set.of(),
              "JT",
              "默认规则：道路运输业（54 大类）→ 交通运输委员会"),
          rule(
              "city.road-transport-hazard",
              41,
              List.of(),
              EnumSet.of(HazardFeature.ROAD_TRANSPORT),
              Set.of(),
              "JT",
              "默认规则：道路运输 → 交通运输委员会"),
          rule(
              "city.venue-fire",
              50,
              List.of(),
              Set.of(),
              EnumSet.of(ObjectKind.SMALL_ENTERTAINMENT_VENUE),
              "XF",
              "默认规则：小娱乐场所 → 消防救援机构"),
          rule(
              "city.venue-culture",
              51,
              List.of(),
              Set.of(),
              EnumSet.of(ObjectKind.SMALL_ENTERTAINMENT_VENUE),
              "WL",
              "默认规则：小娱乐场所 → 文化和旅游局"),
          rule(
              "city.crowded-fire",
              52,
              List.of(),
              EnumSet.of(HazardFeature.CROWDED_PLACE),
              Set.of(),
              "XF",
              "默认规则：人员密集场所 → 消防救援机构"),
          rule(
              "city.entertainment-culture",
              53,
              List.of("90"),
              Set.of(),
              Set.of(),
              "WL",
              "默认规则：娱乐业（90 大类）→ 文化和旅游局"),
          rule(
              "city.entertainment-fire",
              54,
              List.of("90"),
              Set.of(),
              Set.of(),
              "XF",
              "默认规则：娱乐业（90 大类）→ 消防救援机构"),
          rule(
              "city.gas-use",
              60,
              List.of(),
              EnumSet.of(HazardFeature.GAS_USE),
              Set.of(),
              "CG",
              "默认规则：燃气使用 → 城市管理委员会（燃气监管）"),
          rule(
              "city.gas-supply",
              61,
              List.of("45"),
              Set.of(),
              Set.of(),
              "CG",
              "默认规则：燃气生产和供应业（45 大类）→ 城市管理委员会"),
          rule(
              "city.wholesale",
              70,
              List.of("51"),
              Set.of(),
              Set.of(),
              "SW",
              "默认规则：批发业（51 大类）→ 商务局"),
          rule(
              "city.catering", 71, List.of("62"), Set.of(), Set.of(), "SW", "默认规则：餐饮业（62 大类）→ 商务局"),
          rule(
              "city.education",
              80,
              List.of("83"),
              Set.of(),
              Set.of(),
              "JY",
              "默认规则：教育（83 大类）→ 教育部门"),
          rule(
              "city.health",
              81,
              List.of("84"),
              Set.of(),
              Set.of(),
              "WJ",
              "默认规则：卫生（84 大类）→ 卫生健康委员会"),
          rule(
              "city.manufacturing",
              90,
              List.of("C"),
              Set.of(),
              Set.of(),
              "YJ",
              "默认规则：制造业（C 门类，工贸行业）→ 应急管理局"));

  private final DepartmentRepository departments;
  private final RuleRepository rules;
  private final Divisions divisions;
  private final AuditLog audit;
  private final TransactionTemplate transactions;
  private final boolean demo;

  OrgDefaults(
      DepartmentRepository departments,
      RuleRepository rules,
      Divisions divisions,
      AuditLog audit,
      TransactionTemplate transactions,
      @Value("${anwang.demo:false}") boolean demo) {
    this.departments = departments;
    this.rules = rules;
    this.divisions = divisions;
    this.audit = audit;
    this.transactions = transactions;
    this.demo = demo;
  }

  @Override
  public void run(ApplicationArguments args) {
    transactions.executeWithoutResult(tx -> seed());
  }

  void seed() {
    List<String> createdDepartments = new ArrayList<>();
    List<String> districts = new ArrayList<>();
    districts.add(null);
    if (demo) {
      districts.addAll(DEMO_DISTRICTS);
    }
    for (String district : districts) {
      String prefix = "";
      if (district != null) {
        var division = divisions.find(district);
        if (division.isEmpty()) {
          log.warn("Default departments of district {} skipped: unknown division", district);
          continue;
        }
        prefix = division.get().name();
      }
      for (Default d : DEPARTMENTS) {
        Department department =
            new Department(
                Department.codeOf(district, d.key()),
                d.key(),
                district == null ? d.cityName() : prefix + d.districtSuffix(),
                district,
                d.industries(),
                d.hazards(),
                d.kinds(),
                d.fallback(),
                true,
                true,
                0);
        if (departments.insertIfAbsent(department)) {
          createdDepartments.add(department.code());
        }
      }
    }
    List<Long> createdRules = new ArrayList<>();
    for (ResponsibilityRule rule : RULES) {
      rules.insert(rule).ifPresent(createdRules::add);
    }
    if (!createdDepartments.isEmpty() || !createdRules.isEmpty()) {
      audit.record(
          "org.seed",
          "org",
          null,
          Department.CITY,
          null,
          Map.of("departments", createdDepartments, "rules", createdRules));
      log.info(
          "Default departments ({}) and responsibility rules ({}) seeded; they are editable",
          createdDepartments.size(),
          createdRules.size());
    }
  }
}

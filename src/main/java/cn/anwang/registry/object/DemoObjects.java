package cn.anwang.registry.object;

import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import cn.anwang.shared.uscc.RegistrationAuthority;
import cn.anwang.shared.uscc.UsccGenerator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Makes believable supervised objects for the demo districts: Chinese names and addresses, valid
 * USCCs, a mix of kinds, industries and hazards. The same seed gives the same objects. Pure: the
 * runner places them and writes them.
 */
final class DemoObjects {

  private static final List<String> BRANDS =
      List.of(
          "鑫源", "华泰", "宏达", "恒信", "金盛", "瑞丰", "津海", "海河", "北洋", "德隆", "永盛", "福顺", "嘉禾", "同益", "广源",
          "新港", "联华", "泰和", "安达", "兴业", "天宇", "中和", "利民", "万通", "盛世", "东方", "汇丰", "康达", "诚信", "昌隆",
          "鼎盛", "众鑫", "和顺", "佳美", "荣盛", "津南", "大沽", "渤海");

  private static final List<String> ROADS =
      List.of(
          "南京路", "和平路", "滨江道", "营口道", "西康路", "成都道", "大沽北路", "张自忠路", "赤峰道", "长春道", "山西路", "河北路",
          "睦南道", "贵州路", "重庆道", "津静公路", "中北大道", "杨柳青大街", "西青道", "大寺路", "精武路", "李七庄路", "天津大道", "昌凌路",
          "赛达大道", "兴华道", "新华路", "保定道");

  private static final List<String> SURNAMES =
      List.of(
          "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高");

  private static final List<String> GIVEN =
      List.of("建国", "秀英", "志强", "丽华", "海涛", "淑珍", "国庆", "玉兰", "立新", "桂芳", "宝山", "春燕", "德明");

  /** An industry with the words that name a business in it and the hazards it tends to carry. */
  private record Trade(String industry, String word, Set<HazardFeature> hazards) {}

  private static final List<Trade> ENTERPRISE_TRADES =
      List.of(
          new Trade("26", "化工", EnumSet.of(HazardFeature.HAZARDOUS_CHEMICALS)),
          new Trade("31", "钢铁", EnumSet.of(HazardFeature.METAL_SMELTING)),
          new Trade("13", "粮油加工", EnumSet.of(HazardFeature.DUST_EXPLOSION)),
          new Trade("14", "食品", EnumSet.of(HazardFeature.AMMONIA_REFRIGERATION)),
          new Trade("17", "纺织", EnumSet.noneOf(HazardFeature.class)),
          new Trade("21", "家具", EnumSet.of(HazardFeature.DUST_EXPLOSION)),
          new Trade("34", "机械设备", EnumSet.noneOf(HazardFeature.class)),
          new Trade("47", "建筑工程", EnumSet.of(HazardFeature.CONFINED_SPACE)),
          new Trade("54", "物流运输", EnumSet.noneOf(HazardFeature.class)),
          new Trade("59", "仓储", EnumSet.noneOf(HazardFeature.class)),
          new Trade("51", "商贸", EnumSet.noneOf(HazardFeature.class)),
          new Trade("72", "物业管理", EnumSet.noneOf(HazardFeature.class)),
          new Trade("61", "酒店管理", EnumSet.of(HazardFeature.CROWDED_PLACE, HazardFeature.GAS_USE)));

  private static final List<Trade> SHOP_TRADES =
      List.of(
          new Trade("52", "便利店", EnumSet.noneOf(HazardFeature.class)),
          new Trade("52", "五金店", EnumSet.noneOf(HazardFeature.class)),
          new Trade("52", "水果店", EnumSet.noneOf(HazardFeature.class)),
          new Trade("62", "餐馆", EnumSet.of(HazardFeature.GAS_USE)),
          new Trade("62", "面馆", EnumSet.of(HazardFeature.GAS_USE)),
          new Trade("80", "理发店", EnumSet.noneOf(HazardFeature.class)),
          new Trade("80", "洗衣店", EnumSet.noneOf(HazardFeature.class)));

  private static final List<Trade> WORKSHOP_TRADES =
      List.of(
          new Trade("14", "糕点加工坊", EnumSet.of(HazardFeature.GAS_USE)),
          new Trade("13", "豆制品作坊", EnumSet.noneOf(HazardFeature.class)),
          new Trade("20", "木器加工坊", EnumSet.of(HazardFeature.DUST_EXPLOSION)),
          new Trade("33", "金属加工坊", EnumSet.noneOf(HazardFeature.class)));

  private static final List<Trade> VENUE_TRADES =
      List.of(
          new Trade("90", "KTV", EnumSet.of(HazardFeature.CROWDED_PLACE)),
          new Trade("90", "网吧", EnumSet.of(HazardFeature.CROWDED_PLACE)),
          new Trade("90", "棋牌室", EnumSet.noneOf(HazardFeature.class)),
          new Trade("90", "台球厅", EnumSet.noneOf(HazardFeature.class)));

  /** One demo object before placement. */
  record Draft(
      ObjectKind kind,
      String name,
      String address,
      String uscc,
      String industryCode,
      Scale scale,
      Integer employees,
      Set<HazardFeature> hazards,
      String contactName,
      String contactPhone,
      DirectSupervisionReason directSupervisionReason,
      boolean recentAccident) {}

  private final Random random;
  private final UsccGenerator uscc;
  private int sequence;

  DemoObjects(long seed) {
    this.random = new Random(seed);
    this.uscc = new UsccGenerator(new Random(seed * 31 + 7));
  }

  /** The next object in the district (its Chinese short name, e.g. 和平区). */
  Draft next(String districtCode, String districtName) {
    sequence++;
    int roll = random.nextInt(100);
    ObjectKind kind =
        roll < 35
            ? ObjectKind.ENTERPRISE
            : roll < 55
                ? ObjectKind.INDIVIDUAL_BUSINESS
                : roll < 80
                    ? ObjectKind.SMALL_SHOP
                    : roll < 88
                        ? ObjectKind.SMALL_WORKSHOP
                        : roll < 93
                            ? ObjectKind.SMALL_ENTERTAINMENT_VENUE
                            : roll < 98 ? ObjectKind.HOUSEHOLD : ObjectKind.OTHER;
    String brand = pick(BRANDS) + pick(BRANDS).substring(0, 1);
    String address =
        "天津市" + districtName + pick(ROADS) + (1 + random.nextInt(400)) + "号" + suffix(kind);
    String person = pick(SURNAMES) + pick(GIVEN);
    String phone = "13" + (100_000_000 + random.nextInt(900_000_000));
    return switch (kind) {
      case ENTERPRISE -> {
        Trade t = pick(ENTERPRISE_TRADES);
        Scale scale = pickScale();
        int employees = employees(scale);
        boolean direct =
            (scale == Scale.LARGE || !t.hazards().isEmpty()) && random.nextInt(12) == 0;
        yield new Draft(
            kind,
            "天津" + brand + t.word() + "有限公司",
            address,
            uscc.nextEnterprise(districtCode),
            t.industry(),
            scale,
            employees,
            t.hazards(),
            person,
            phone,
            direct
                ? (scale == Scale.LARGE
                    ? DirectSupervisionReason.LARGE_SCALE
                    : DirectSupervisionReason.HIGH_RISK)
                : null,
            random.nextInt(80) == 0);
      }
      case INDIVIDUAL_BUSINESS, SMALL_SHOP -> {
        Trade t = pick(SHOP_TRADES);
        yield new Draft(
            kind,
            districtName.replace("区", "") + brand + t.word(),
            address,
            kind == ObjectKind.INDIVIDUAL_BUSINESS ? individualUscc(districtCode) : null,
            t.industry(),
            Scale.MICRO,
            1 + random.nextInt(8),
            t.hazards(),
            person,
            phone,
            null,
            random.nextInt(300) == 0);
      }
      case SMALL_WORKSHOP -> {
        Trade t = pick(WORKSHOP_TRADES);
        yield new Draft(
            kind,
            brand + t.word(),
            address,
            null,
            t.industry(),
            Scale.MICRO,
            2 + random.nextInt(15),
            t.hazards(),
            person,
            phone,
            null,
            random.nextInt(100) == 0);
      }
      case SMALL_ENTERTAINMENT_VENUE -> {
        Trade t = pick(VENUE_TRADES);
        yield new Draft(
            kind,
            brand + t.word(),
            address,
            null,
            t.industry(),
            Scale.MICRO,
            3 + random.nextInt(20),
            t.hazards(),
            person,
            phone,
            null,
            random.nextInt(150) == 0);
      }
      case HOUSEHOLD ->
          new Draft(
              kind,
              person + "家（自建房）",
              address,
              null,
              null,
              null,
              null,
              random.nextInt(4) == 0
                  ? EnumSet.of(HazardFeature.GAS_USE)
                  : EnumSet.noneOf(HazardFeature.class),
              person,
              phone,
              null,
              false);
      case OTHER ->
          new Draft(
              kind,
              brand + "仓库",
              address,
              null,
              "59",
              Scale.MICRO,
              1 + random.nextInt(5),
              EnumSet.noneOf(HazardFeature.class),
              person,
              phone,
              null,
              false);
    };
  }

  private String suffix(ObjectKind kind) {
    return switch (kind) {
      case HOUSEHOLD -> (1 + random.nextInt(30)) + "号楼" + (1 + random.nextInt(6)) + "门";
      case ENTERPRISE -> random.nextBoolean() ? "" : "（" + (1 + random.nextInt(9)) + "号厂房）";
      default -> "底商" + (1 + random.nextInt(20)) + "号";
    };
  }

  private String individualUscc(String districtCode) {
    try {
      return uscc.next(districtCode, RegistrationAuthority.MARKET_REGULATION, '2');
    } catch (IllegalArgumentException e) {
      return uscc.nextEnterprise(districtCode);
    }
  }

  private Scale pickScale() {
    int r = random.nextInt(100);
    return r < 4 ? Scale.LARGE : r < 18 ? Scale.MEDIUM : r < 55 ? Scale.SMALL : Scale.MICRO;
  }

  private int employees(Scale scale) {
    return switch (scale) {
      case LARGE -> 300 + random.nextInt(1700);
      case MEDIUM -> 100 + random.nextInt(200);
      case SMALL -> 10 + random.nextInt(90);
      case MICRO -> 1 + random.nextInt(9);
    };
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}

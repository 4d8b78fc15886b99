package cn.anwang.workforce.officer;

import cn.anwang.shared.tabular.ColumnSpec;
import cn.anwang.shared.tabular.TableSpec;
import java.util.List;

/** The columns of the officer import and its template (zh-CN headers). */
final class OfficerTable {

  static final String SHEET = "网格员";

  static final List<String> TIERS = List.of("街镇", "村居");
  static final List<String> EMPLOYMENTS = List.of("在编", "政府购买服务", "兼职");
  static final List<String> YES_NO = List.of("是", "否");

  static final TableSpec SPEC =
      TableSpec.of(
              ColumnSpec.required("name", "姓名", "网格员姓名", "name").describedAs("网格员的姓名", "张三"),
              ColumnSpec.optional("phone", "手机号", "手机号码", "联系电话", "电话", "phone")
                  .describedAs("11 位手机号或带区号的固定电话", "13812345678"),
              ColumnSpec.required("idNumber", "身份证号", "身份证号码", "公民身份号码", "idNumber")
                  .describedAs("18 位居民身份证号码（末位可为 X），系统加密保存", "120101199001011234"),
              ColumnSpec.required("division", "所属街镇或村居代码", "所属区划代码", "区划代码", "division")
                  .describedAs("街镇网格员填 9 位街镇代码，村居网格员填 12 位村居代码", "120101001"),
              ColumnSpec.required("tier", "层级", "网格员层级", "tier")
                  .describedAs("街镇 或 村居", "街镇")
                  .allowing(TIERS),
              ColumnSpec.required("employment", "用工方式", "employment")
                  .describedAs("在编、政府购买服务 或 兼职", "政府购买服务")
                  .allowing(EMPLOYMENTS),
              ColumnSpec.optional("enforcement", "执法权", "是否有执法权", "enforcement")
                  .describedAs("是 或 否（空白为否）", "否")
                  .allowing(YES_NO),
              ColumnSpec.optional("grids", "网格编码", "负责网格", "grids")
                  .describedAs("可选；多个网格用、或 ; 分隔。须已取得有效岗前培训证书", ""))
          .withLimits(20L * 1024 * 1024, 50_000);

  private OfficerTable() {}

  static Tier tier(String text) {
    return switch (text.strip()) {
      case "街镇", "街道", "乡镇", "街镇网格员", "STREET", "street" -> Tier.STREET;
      case "村居", "社区", "村", "村居网格员", "VILLAGE", "village" -> Tier.VILLAGE;
      default -> null;
    };
  }

  static Employment employment(String text) {
    return switch (text.strip()) {
      case "在编", "STAFF", "staff" -> Employment.STAFF;
      case "政府购买服务", "购买服务", "PURCHASED", "purchased" -> Employment.PURCHASED;
      case "兼职", "PART_TIME", "part_time", "part-time" -> Employment.PART_TIME;
      default -> null;
    };
  }

  /** True, false, or null when the text is neither. */
  static Boolean yesNo(String text) {
    return switch (text.strip()) {
      case "是", "有", "Y", "y", "yes", "true", "TRUE", "1" -> Boolean.TRUE;
      case "否", "无", "N", "n", "no", "false", "FALSE", "0" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** The grid codes of a cell, split on 、 ; ， , and spaces; distinct, in order. */
  static List<String> gridCodes(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(text.split("[、;；,，\\s]+"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .distinct()
        .toList();
  }
}

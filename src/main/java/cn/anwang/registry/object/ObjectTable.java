package cn.anwang.registry.object;

import cn.anwang.shared.supervision.ObjectKind;
import cn.anwang.shared.tabular.ColumnSpec;
import cn.anwang.shared.tabular.ColumnType;
import cn.anwang.shared.tabular.TableSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of the object import, its template and its export, with the zh-CN labels of the fixed
 * values offered as drop-down lists.
 */
final class ObjectTable {

  static final String SHEET = "监督管理对象";

  static final Map<String, ObjectKind> KINDS = new LinkedHashMap<>();
  static final Map<String, Scale> SCALES = new LinkedHashMap<>();
  static final Map<String, ObjectStatus> STATUSES = new LinkedHashMap<>();

  static {
    KINDS.put("企业", ObjectKind.ENTERPRISE);
    KINDS.put("个体工商户", ObjectKind.INDIVIDUAL_BUSINESS);
    KINDS.put("小商铺", ObjectKind.SMALL_SHOP);
    KINDS.put("小作坊", ObjectKind.SMALL_WORKSHOP);
    KINDS.put("小娱乐场所", ObjectKind.SMALL_ENTERTAINMENT_VENUE);
    KINDS.put("家庭户", ObjectKind.HOUSEHOLD);
    KINDS.put("其他", ObjectKind.OTHER);
    SCALES.put("大型", Scale.LARGE);
    SCALES.put("中型", Scale.MEDIUM);
    SCALES.put("小型", Scale.SMALL);
    SCALES.put("微型", Scale.MICRO);
    STATUSES.put("在营", ObjectStatus.OPERATING);
    STATUSES.put("停业", ObjectStatus.SUSPENDED);
    STATUSES.put("关闭", ObjectStatus.CLOSED);
  }

  static final TableSpec SPEC =
      TableSpec.of(
          ColumnSpec.optional("uscc", "统一社会信用代码", "信用代码", "USCC")
              .describedAs("18 位统一社会信用代码；企业必填", "91120101MA05XXXX0X"),
          ColumnSpec.required("name", "名称", "企业名称", "单位名称", "对象名称")
              .describedAs("对象名称", "和平区示例商贸有限公司"),
          ColumnSpec.required("kind", "对象类型", "类型").allowing(List.copyOf(KINDS.keySet())),
          ColumnSpec.required("address", "地址", "详细地址", "经营地址").describedAs("详细地址", "和平区南京路 100 号"),
          ColumnSpec.required("longitude", "经度", "lng", "lon")
              .ofType(ColumnType.NUMBER)
              .describedAs("十进制度", "117.2010"),
          ColumnSpec.required("latitude", "纬度", "lat")
              .ofType(ColumnType.NUMBER)
              .describedAs("十进制度", "39.1170"),
          ColumnSpec.optional("crs", "坐标系").allowing(List.of("wgs84", "gcj02", "bd09")),
          ColumnSpec.optional("district", "所属区", "区", "区划代码")
              .describedAs("坐标不在任何网格内时填写：区名或 6 位区划代码", "和平区"),
          ColumnSpec.optional("industry", "行业代码", "国民经济行业代码").describedAs("国民经济行业分类代码", "C1711"),
          ColumnSpec.optional("scale", "规模", "企业规模").allowing(List.copyOf(SCALES.keySet())),
          ColumnSpec.optional("employees", "从业人数", "职工人数")
              .ofType(ColumnType.NUMBER)
              .describedAs("整数", "25"),
          ColumnSpec.optional("hazards", "危险特征").describedAs("多个用“、”或“,”分隔", "燃气、有限空间"),
          ColumnSpec.optional("contactName", "联系人", "负责人").describedAs("", "张三"),
          ColumnSpec.optional("contactPhone", "联系电话", "电话").describedAs("", "13800000000"),
          ColumnSpec.optional("status", "状态", "经营状态").allowing(List.copyOf(STATUSES.keySet())),
          ColumnSpec.optional("usccException", "校验码例外原因").describedAs("信用代码校验码不符但确属实时填写原因", ""));

  /**
   * The columns of the export: the import's columns first, in the same order and with the same
   * headers (so an exported file can be edited and imported again), then what the system derives,
   * which the import ignores.
   */
  static final List<ColumnSpec> EXPORT_COLUMNS;

  static {
    List<ColumnSpec> columns = new java.util.ArrayList<>(SPEC.columns());
    columns.add(ColumnSpec.optional("id", "编号").ofType(ColumnType.NUMBER));
    columns.add(ColumnSpec.optional("street", "所属街道/乡镇"));
    columns.add(ColumnSpec.optional("grid", "网格"));
    columns.add(ColumnSpec.optional("riskLevel", "风险等级"));
    columns.add(ColumnSpec.optional("riskRule", "风险依据"));
    columns.add(ColumnSpec.optional("directSupervision", "区级直接监管"));
    columns.add(ColumnSpec.optional("departments", "责任部门"));
    columns.add(ColumnSpec.optional("updatedAt", "更新时间").ofType(ColumnType.DATE_TIME));
    EXPORT_COLUMNS = List.copyOf(columns);
  }

  /** The zh-CN label of a kind, as the import reads it. */
  static String label(ObjectKind kind) {
    return labelOf(KINDS, kind);
  }

  /** The zh-CN label of a scale, or null. */
  static String label(Scale scale) {
    return labelOf(SCALES, scale);
  }

  /** The zh-CN label of a status. */
  static String label(ObjectStatus status) {
    return labelOf(STATUSES, status);
  }

  private static <E> String labelOf(Map<String, E> labels, E value) {
    if (value == null) {
      return null;
    }
    return labels.entrySet().stream()
        .filter(e -> e.getValue() == value)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No label for " + value));
  }

  private ObjectTable() {}
}

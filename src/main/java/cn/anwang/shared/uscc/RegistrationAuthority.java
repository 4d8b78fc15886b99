package cn.anwang.shared.uscc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registration authority (登记管理部门, the code's first character) and the organisation categories
 * each one issues, after GB 32100-2015 Appendix A and the authorities added to it since (A for the
 * military, N for rural collective economic organisations).
 */
public enum RegistrationAuthority {
  ORGANISATION_ESTABLISHMENT(
      '1',
      "机构编制",
      "Institutional establishment",
      category('1', "机关", "Government organ"),
      category('2', "事业单位", "Public institution"),
      category('3', "中央编办直接管理机构编制的群众团体", "Mass organisation staffed by the central office"),
      category('9', "其他", "Other")),
  FOREIGN_AFFAIRS(
      '2',
      "外交",
      "Foreign affairs",
      category('1', "外国常驻新闻机构", "Resident foreign news agency"),
      category('9', "其他", "Other")),
  JUSTICE(
      '3',
      "司法行政",
      "Justice administration",
      category('1', "律师执业机构", "Law firm"),
      category('2', "公证处", "Notary office"),
      category('3', "基层法律服务所", "Grassroots legal service office"),
      category('4', "司法鉴定机构", "Forensic appraisal institution"),
      category('5', "仲裁委员会", "Arbitration commission"),
      category('9', "其他", "Other")),
  CULTURE(
      '4',
      "文化",
      "Culture",
      category('1', "外国在华文化中心", "Foreign cultural centre in China"),
      category('9', "其他", "Other")),
  CIVIL_AFFAIRS(
      '5',
      "民政",
      "Civil affairs",
      category('1', "社会团体", "Social organisation"),
      category('2', "民办非企业单位", "Private non-enterprise unit"),
      category('3', "基金会", "Foundation"),
      category('9', "其他", "Other")),
  TOURISM(
      '6',
      "旅游",
      "Tourism",
      category('1', "外国旅游部门常驻代表机构", "Resident office of a foreign tourism authority"),
      category(
          '2',
          "港澳台地区旅游部门常驻内地（大陆）代表机构",
          "Resident office of a Hong Kong, Macao or Taiwan tourism authority"),
      category('9', "其他", "Other")),
  RELIGION(
      '7',
      "宗教",
      "Religious affairs",
      category('1', "宗教活动场所", "Place of religious activity"),
      category('2', "宗教院校", "Religious school"),
      category('9', "其他", "Other")),
  TRADE_UNION(
      '8',
      "工会",
      "Trade unions",
      category('1', "基层工会", "Grassroots trade union"),
      category('9', "其他", "Other")),
  MARKET_REGULATION(
      '9',
      "工商（市场监督管理）",
      "Industry and commerce (market regulation)",
      category('1', "企业", "Enterprise"),
      category('2', "个体工商户", "Individual business"),
      category('3', "农民专业合作社", "Farmers' specialised cooperative")),
  MILITARY(
      'A',
      "中央军委改革和编制办公室",
      "Central Military Commission reform and establishment office",
      category('1', "军队事业单位", "Military public institution"),
      category('9', "其他", "Other")),
  AGRICULTURE(
      'N',
      "农业",
      "Agriculture and rural affairs",
      category('1', "组级集体经济组织", "Group-level collective economic organisation"),
      category('2', "村级集体经济组织", "Village-level collective economic organisation"),
      category('3', "乡镇级集体经济组织", "Township-level collective economic organisation"),
      category('9', "其他", "Other")),
  OTHER('Y', "其他", "Other", category('1', "其他", "Other"));

  private final char code;
  private final String nameZh;
  private final String nameEn;
  private final Map<Character, OrganisationCategory> categories = new LinkedHashMap<>();

  RegistrationAuthority(char code, String nameZh, String nameEn, String[]... categories) {
    this.code = code;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    for (String[] c : categories) {
      this.categories.put(
          c[0].charAt(0), new OrganisationCategory(this, c[0].charAt(0), c[1], c[2]));
    }
  }

  private static String[] category(char code, String nameZh, String nameEn) {
    return new String[] {String.valueOf(code), nameZh, nameEn};
  }

  /** The authority for a code's first character, if it is one of the published ones. */
  public static Optional<RegistrationAuthority> forCode(char code) {
    for (RegistrationAuthority authority : values()) {
      if (authority.code == code) {
        return Optional.of(authority);
      }
    }
    return Optional.empty();
  }

  /** The character that stands for this authority in position 1. */
  public char code() {
    return code;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  /** The category for a code's second character, if this authority issues it. */
  public Optional<OrganisationCategory> category(char categoryCode) {
    return Optional.ofNullable(categories.get(categoryCode));
  }

  /** The categories this authority issues, in the order of the standard. */
  public List<OrganisationCategory> categories() {
    return List.copyOf(categories.values());
  }
}

package cn.anwang.publicreport.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The four report categories as Open311 services. Only accidents carry metadata: the severity as a
 * single-value list.
 */
@Component
class Open311Services {

  static final List<String> CODES = List.of("HAZARD", "ILLEGAL_OPERATION", "ACCIDENT", "OTHER");

  private final MessageSource messages;

  Open311Services(MessageSource messages) {
    this.messages = messages;
  }

  private String text(String key) {
    Locale locale = LocaleContextHolder.getLocale();
    return messages.getMessage(key, null, locale);
  }

  String name(String code) {
    return text("publicreport.category." + code);
  }

  String agency() {
    return text("publicreport.open311.agency");
  }

  List<Map<String, Object>> list() {
    return CODES.stream().map(this::service).toList();
  }

  Map<String, Object> service(String code) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_code", code);
    m.put("service_name", name(code));
    m.put("description", text("publicreport.open311.description." + code));
    m.put("metadata", "ACCIDENT".equals(code));
    m.put("type", "realtime");
    m.put("keywords", text("publicreport.open311.keywords." + code));
    m.put("group", text("publicreport.open311.group"));
    return m;
  }

  Map<String, Object> definition(String code) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_code", code);
    List<Map<String, Object>> attributes = List.of();
    if ("ACCIDENT".equals(code)) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("variable", true);
      a.put("code", "severity");
      a.put("datatype", "singlevaluelist");
      a.put("required", false);
      a.put("datatype_description", text("publicreport.open311.severity.datatype"));
      a.put("order", 1);
      a.put("description", text("publicreport.open311.severity.description"));
      a.put(
          "values",
          List.of("INJURY", "DEATH", "NONE").stream()
              .map(
                  k -> {
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("key", k);
                    v.put("name", text("publicreport.open311.severity." + k));
                    return v;
                  })
              .toList());
      attributes = List.of(a);
    }
    m.put("attributes", attributes);
    return m;
  }
}

package cn.anwang.publicreport.open311;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes Open311 answers as JSON (bare arrays, the XML root dropped) or XML (with its declaration,
 * a root element and one element per item). Values are strings, numbers, booleans, nested lists of
 * maps, or null (omitted in XML, null in JSON).
 */
final class Open311Format {

  private Open311Format() {}

  static String json(ObjectMapper mapper, Object value) {
    return mapper.writeValueAsString(value);
  }

  static String xml(String root, String item, List<? extends Map<String, ?>> items) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.append('<').append(root).append('>');
    for (Map<String, ?> m : items) {
      element(out, item, m);
    }
    return out.append("</").append(root).append(">\n").toString();
  }

  static String xmlSingle(String root, Map<String, ?> fields) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    element(out, root, fields);
    return out.append('\n').toString();
  }

  @SuppressWarnings("unchecked")
  private static void element(StringBuilder out, String name, Map<String, ?> fields) {
    out.append('<').append(name).append('>');
    for (Map.Entry<String, ?> e : fields.entrySet()) {
      Object v = e.getValue();
      if (v == null) {
        continue;
      }
      if (v instanceof List<?> list) {
        // attributes → <attributes><attribute>, values → <values><value>
        String child =
            e.getKey().endsWith("s")
                ? e.getKey().substring(0, e.getKey().length() - 1)
                : e.getKey();
        out.append('<').append(e.getKey()).append('>');
        for (Object o : list) {
          element(out, child, (Map<String, ?>) o);
        }
        out.append("</").append(e.getKey()).append('>');
      } else {
        out.append('<')
            .append(e.getKey())
            .append('>')
            .append(escape(v.toString()))
            .append("</")
            .append(e.getKey())
            .append('>');
      }
    }
    out.append("</").append(name).append('>');
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}

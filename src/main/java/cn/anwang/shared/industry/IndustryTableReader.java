package cn.anwang.shared.industry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the classification CSV ({@code code,level,parent,name_zh,name_en}, UTF-8, RFC 4180 quoting
 * without line breaks in fields) and refuses a table that is not well-formed, naming the line, so a
 * bad edit fails at start-up rather than as a wrong answer later.
 */
final class IndustryTableReader {

  static final String HEADER = "code,level,parent,name_zh,name_en";

  private IndustryTableReader() {}

  static Map<String, Industry> read(InputStream in) {
    Map<String, Industry> entries = new LinkedHashMap<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      if (header != null && header.startsWith("\uFEFF")) {
        header = header.substring(1);
      }
      if (!HEADER.equals(header)) {
        throw new IllegalStateException("Industry table must start with " + HEADER);
      }
      String line;
      int number = 1;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        Industry entry = parse(line, number, entries);
        if (entries.putIfAbsent(entry.code(), entry) != null) {
          throw invalid(number, "duplicate code " + entry.code());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  private static Industry parse(String line, int number, Map<String, Industry> earlier) {
    List<String> fields = fields(line, number);
    if (fields.size() != 5) {
      throw invalid(number, "expected 5 fields, found " + fields.size());
    }
    String code = fields.get(0);
    IndustryLevel level;
    try {
      level = IndustryLevel.valueOf(fields.get(1));
    } catch (IllegalArgumentException e) {
      throw invalid(number, "unknown level " + fields.get(1));
    }
    String pattern = level == IndustryLevel.SECTION ? "[A-Z]" : "\\d{" + level.codeLength() + "}";
    if (!code.matches(pattern)) {
      throw invalid(number, "code " + code + " does not fit level " + level);
    }
    String parentCode = fields.get(2).isEmpty() ? null : fields.get(2);
    String section;
    if (level == IndustryLevel.SECTION) {
      if (parentCode != null) {
        throw invalid(number, "a section has no parent");
      }
      section = code;
    } else {
      // Parents come first in the file, so the tree can be checked in one pass.
      Industry parent = parentCode == null ? null : earlier.get(parentCode);
      if (parent == null) {
        throw invalid(number, "parent " + parentCode + " of " + code + " is not listed before it");
      }
      if (parent.level().ordinal() != level.ordinal() - 1) {
        throw invalid(number, "parent " + parentCode + " is not one level above " + code);
      }
      if (level != IndustryLevel.DIVISION && !code.startsWith(parentCode)) {
        throw invalid(number, code + " does not start with its parent's code " + parentCode);
      }
      section = parent.section();
    }
    String nameZh = fields.get(3);
    if (nameZh.isBlank()) {
      throw invalid(number, "no Chinese name for " + code);
    }
    String nameEn = fields.get(4).isBlank() ? null : fields.get(4);
    return new Industry(code, level, section, parentCode, nameZh, nameEn);
  }

  private static List<String> fields(String line, int number) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw invalid(number, "unclosed quote");
    }
    fields.add(field.toString());
    return fields;
  }

  private static IllegalStateException invalid(int line, String why) {
    return new IllegalStateException("Industry table line " + line + ": " + why);
  }
}

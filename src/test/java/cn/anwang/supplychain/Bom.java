package cn.anwang.supplychain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the components of a CycloneDX JSON BOM (as written by cyclonedx-maven-plugin). */
final class Bom {

  /** Where the Spring Boot parent's cyclonedx execution writes the application's BOM. */
  static final Path APPLICATION = Path.of("target/classes/META-INF/sbom/application.cdx.json");

  private Bom() {}

  static List<Component> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "No CycloneDX BOM at "
              + file.toAbsolutePath()
              + ": cyclonedx-maven-plugin writes it at generate-resources, but skips it when Maven"
              + " runs offline (-o); build once without -o");
    }
    JsonNode root = JsonMapper.builder().build().readTree(file.toFile());
    List<Component> components = new ArrayList<>();
    for (JsonNode c : root.path("components")) {
      components.add(
          new Component(
              c.path("group").asString(""),
              c.path("name").asString(""),
              c.path("version").asString(""),
              c.path("scope").asString("required"),
              licences(c.path("licenses"))));
    }
    return components;
  }

  /** Each entry is {license: {id | name}} or {expression}; an empty list when none is declared. */
  private static List<String> licences(JsonNode licenses) {
    List<String> out = new ArrayList<>();
    for (JsonNode l : licenses) {
      JsonNode licence = l.path("license");
      String text =
          l.has("expression")
              ? l.path("expression").asString("")
              : licence.has("id")
                  ? licence.path("id").asString("")
                  : licence.path("name").asString("");
      if (!text.isBlank()) {
        out.add(text.strip());
      }
    }
    return out;
  }
}

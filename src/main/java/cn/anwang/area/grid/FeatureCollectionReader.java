package cn.anwang.area.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * Splits a GeoJSON FeatureCollection into its features. Streams the outer object so a city-sized
 * file is never held as one tree; foreign members (RFC 7946 §6.1) are skipped.
 */
final class FeatureCollectionReader {

  private final ObjectReader json;

  FeatureCollectionReader(ObjectMapper json) {
    // each feature is read as a tree from the middle of the stream, followed by more features
    this.json = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** The features, in file order, each as a JSON tree. */
  List<JsonNode> read(byte[] body) {
    List<JsonNode> features = new ArrayList<>();
    read(body, features::add);
    return features;
  }

  /**
   * Hands each feature, in file order, to the consumer as soon as it is read, so a city-sized file
   * never exists as trees all at once.
   *
   * @throws MalformedGeoJson if the body is not JSON or not a FeatureCollection
   */
  void read(byte[] body, Consumer<JsonNode> consumer) {
    if (body.length == 0) {
      throw MalformedGeoJson.empty();
    }
    String type = null;
    boolean features = false;
    try (JsonParser parser = json.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw MalformedGeoJson.empty();
      }
      if (first != JsonToken.START_OBJECT) {
        parser.skipChildren();
        ensureEnd(parser);
        throw MalformedGeoJson.notAFeatureCollection(first.isStructStart() ? "array" : "scalar");
      }
      String name;
      while ((name = parser.nextName()) != null) {
        JsonToken value = parser.nextToken();
        if ("type".equals(name) && value == JsonToken.VALUE_STRING) {
          type = parser.getString();
        } else if ("features".equals(name)) {
          if (value != JsonToken.START_ARRAY) {
            throw MalformedGeoJson.featuresNotAnArray();
          }
          features = true;
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            consumer.accept(json.readTree(parser));
          }
        } else {
          parser.skipChildren();
        }
      }
      ensureEnd(parser);
    } catch (JacksonException e) {
      throw MalformedGeoJson.notJson(e);
    }
    if (!"FeatureCollection".equals(type)) {
      throw MalformedGeoJson.notAFeatureCollection(type);
    }
    if (!features) {
      throw MalformedGeoJson.featuresNotAnArray();
    }
  }

  // Trailing garbage after the object makes the whole body malformed, not just odd.
  private static void ensureEnd(JsonParser parser) {
    if (parser.nextToken() != null) {
      throw MalformedGeoJson.notJson(
          new IllegalStateException("unexpected content after the JSON value"));
    }
  }
}

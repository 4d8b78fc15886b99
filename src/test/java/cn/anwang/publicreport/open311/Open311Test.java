package cn.anwang.publicreport.open311;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.publicreport.intake.TrackingCodes;
import cn.anwang.shared.pii.PiiProtector;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A small Open311 GeoReport v2 client written from the spec, over real HTTP, in JSON and XML:
 * services, a definition, posting with and without a valid api_key, searching, one request, tokens,
 * and the error cases (400, 403, 404 as a list of code and description).
 */
@IntegrationTest
class Open311Test {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired PiiProtector pii;

  private final HttpClient http = HttpClient.newHttpClient();
  private String apiKey;
  private double lon;
  private double lat;

  @BeforeEach
  void partnerKey() throws Exception {
    HttpResponse<String> made =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/open311-keys"))
                .header("Authorization", basic("heping.admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"市民热线 App\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(made.statusCode()).isEqualTo(201);
    apiKey = json.readTree(made.body()).get("apiKey").asText();
    var p =
        jdbc.sql(
                "SELECT lon, lat FROM supervised_object WHERE street_code = '120101001'"
                    + " AND lon IS NOT NULL ORDER BY id LIMIT 1")
            .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
            .single();
    lon = p[0];
    lat = p[1];
  }

  private static String basic(String user) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString((user + ":anwang-demo-2026").getBytes(StandardCharsets.UTF_8));
  }

  private String base() {
    return "http://127.0.0.1:" + port + "/open311/v2";
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Accept-Language", "zh-CN")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Document xml(String body) throws Exception {
    assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  private Map<String, String> request(String text) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("api_key", apiKey);
    form.put("service_code", "HAZARD");
    form.put("lat", Double.toString(lat));
    form.put("long", Double.toString(lon));
    form.put("description", text);
    form.put("device_id", "device-" + System.nanoTime());
    form.put("first_name", "三");
    form.put("last_name", "张");
    form.put("phone", "13800001111");
    return form;
  }

  @Test
  void servicesAndTheirDefinitionsInJsonAndXml() throws Exception {
    JsonNode services = json.readTree(get("/services.json").body());
    assertThat(services.isArray()).isTrue();
    assertThat(services).hasSize(4);
    assertThat(services.get(0).get("service_code").asText()).isEqualTo("HAZARD");
    assertThat(services.get(0).get("type").asText()).isEqualTo("realtime");

    Document doc = xml(get("/services.xml").body());
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("services");
    assertThat(doc.getElementsByTagName("service").getLength()).isEqualTo(4);

    Document def = xml(get("/services/ACCIDENT.xml").body());
    assertThat(def.getDocumentElement().getTagName()).isEqualTo("service_definition");
    Element attribute = (Element) def.getElementsByTagName("attribute").item(0);
    assertThat(attribute.getElementsByTagName("datatype").item(0).getTextContent())
        .isEqualTo("singlevaluelist");
    assertThat(attribute.getElementsByTagName("value").getLength()).isEqualTo(3);
    JsonNode defJson = json.readTree(get("/services/HAZARD.json").body());
    assertThat(defJson.get("attributes")).isEmpty();

    HttpResponse<String> unknown = get("/services/NOPE.xml");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(xml(unknown.body()).getElementsByTagName("code").item(0).getTextContent())
        .isEqualTo("404");
  }

  @Test
  void aPartnerPostsARequestAndFindsItWithoutTheReporter() throws Exception {
    String text = "Open311 测试：仓库门口堆放液化气瓶 " + System.nanoTime();
    HttpResponse<String> posted = post("/requests.json", request(text));
    assertThat(posted.statusCode()).isEqualTo(200);
    String id = json.readTree(posted.body()).get(0).get("service_request_id").asText();
    assertThat(
            jdbc.sql("SELECT channel FROM public_report WHERE tracking_code = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("OPEN311");

    JsonNode one = json.readTree(get("/requests/" + id + ".json").body()).get(0);
    assertThat(one.get("status").asText()).isEqualTo("open");
    assertThat(one.get("service_code").asText()).isEqualTo("HAZARD");
    assertThat(one.get("requested_datetime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\+08:00");
    // not moderated yet: no description; never the reporter
    assertThat(one.get("description").isNull()).isTrue();
    assertThat(one.toString()).doesNotContain("13800001111").doesNotContain("张");

    Document found = xml(get("/requests.xml?service_request_id=" + id + ",NOSUCHCODE").body());
    assertThat(found.getDocumentElement().getTagName()).isEqualTo("service_requests");
    assertThat(found.getElementsByTagName("request").getLength()).isEqualTo(1);
    assertThat(found.getElementsByTagName("lat").item(0).getTextContent()).isNotBlank();

    JsonNode open =
        json.readTree(get("/requests.json?status=open&service_code=HAZARD&start_date=").body());
    boolean listed = false;
    for (JsonNode r : open) {
      listed |= r.get("service_request_id").asText().equals(id);
    }
    assertThat(listed).isTrue();
    JsonNode closed = json.readTree(get("/requests.json?status=closed").body());
    for (JsonNode r : closed) {
      assertThat(r.get("service_request_id").asText()).isNotEqualTo(id);
    }

    JsonNode token = json.readTree(get("/tokens/" + id + ".json").body()).get(0);
    assertThat(token.get("service_request_id").asText()).isEqualTo(id);
  }

  @Test
  void anAnonymousReporterGetsAClaimSecretOnceThroughTheApp() throws Exception {
    Map<String, String> form = request("Open311 匿名：夜间违规动火作业 " + System.nanoTime());
    form.remove("first_name");
    form.remove("last_name");
    form.remove("phone");
    HttpResponse<String> posted = post("/requests.json", form);
    assertThat(posted.statusCode()).isEqualTo(200);
    JsonNode answer = json.readTree(posted.body()).get(0);
    String id = answer.get("service_request_id").asText();
    var secret =
        java.util.regex.Pattern.compile("(?:claim secret: |领奖密钥：)([2-9A-HJKMNP-Z]{8})")
            .matcher(answer.get("service_notice").asText());
    assertThat(secret.find()).as(answer.get("service_notice").asText()).isTrue();
    var stored =
        jdbc.sql(
                "SELECT claim_secret_hash, claim_secret_enc IS NULL FROM public_report"
                    + " WHERE tracking_code = ?")
            .param(id)
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getBoolean(2)})
            .single();
    // kept only as a keyed hash, never in a form the tracking page could show again
    assertThat(stored[0]).isEqualTo(TrackingCodes.secretHash(pii, id, secret.group(1)));
    assertThat(stored[1]).isEqualTo(true);
    assertThat(get("/requests/" + id + ".json").body()).doesNotContain(secret.group(1));

    // a named reporter proves it with the phone number instead: no secret
    JsonNode named =
        json.readTree(post("/requests.json", request("Open311 实名 " + System.nanoTime())).body())
            .get(0);
    assertThat(named.get("service_notice").asText())
        .doesNotContain("claim secret")
        .doesNotContain("领奖密钥");
  }

  @Test
  void errorsAreTheSpecsListWithItsStatus() throws Exception {
    Map<String, String> noKey = request("无密钥 " + System.nanoTime());
    noKey.remove("api_key");
    HttpResponse<String> forbidden = post("/requests.json", noKey);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(json.readTree(forbidden.body()).get(0).get("code").asInt()).isEqualTo(403);

    Map<String, String> badKey = request("坏密钥 " + System.nanoTime());
    badKey.put("api_key", "o311_forged");
    assertThat(post("/requests.xml", badKey).statusCode()).isEqualTo(403);

    Map<String, String> noService = request("无类别 " + System.nanoTime());
    noService.remove("service_code");
    HttpResponse<String> bad = post("/requests.xml", noService);
    assertThat(bad.statusCode()).isEqualTo(400);
    Document errors = xml(bad.body());
    assertThat(errors.getDocumentElement().getTagName()).isEqualTo("errors");
    assertThat(errors.getElementsByTagName("description").item(0).getTextContent())
        .contains("service_code");

    Map<String, String> noPlace = request("无位置 " + System.nanoTime());
    noPlace.remove("lat");
    noPlace.remove("long");
    noPlace.put("address_string", "和平路1号");
    assertThat(post("/requests.json", noPlace).statusCode()).isEqualTo(400);

    Map<String, String> tooLong = request("长".repeat(4001));
    assertThat(post("/requests.json", tooLong).statusCode()).isEqualTo(400);

    Map<String, String> outside = request("外地 " + System.nanoTime());
    outside.put("lat", "31.23");
    outside.put("long", "121.47");
    assertThat(post("/requests.json", outside).statusCode()).isEqualTo(400);

    assertThat(get("/requests/NOSUCHREQUEST.json").statusCode()).isEqualTo(404);
    assertThat(get("/tokens/NOSUCHTOKEN.xml").statusCode()).isEqualTo(404);
    assertThat(
            get("/requests.json?start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-06-01T00:00:00%2B08:00")
                .statusCode())
        .isEqualTo(400);
    assertThat(get("/requests.json?start_date=yesterday").statusCode()).isEqualTo(400);
    assertThat(get("/requests.json?status=pending").statusCode()).isEqualTo(400);

    // a revoked key stops working
    long id =
        jdbc.sql("SELECT id FROM open311_api_key WHERE key_hash = ?")
            .param(ApiKeys.sha256(apiKey))
            .query(Long.class)
            .single();
    HttpResponse<String> revoked =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/open311-keys/" + id))
                .header("Authorization", basic("heping.admin"))
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(revoked.statusCode()).isEqualTo(204);
    assertThat(post("/requests.json", request("撤销后 " + System.nanoTime())).statusCode())
        .isEqualTo(403);
    // officers do not manage keys
    HttpResponse<String> officer =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/open311-keys"))
                .header("Authorization", basic("heping.officer"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(officer.statusCode()).isEqualTo(403);
  }
}

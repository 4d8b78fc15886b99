package cn.anwang.publicreport.open311;

import cn.anwang.publicreport.intake.Intake;
import cn.anwang.publicreport.intake.IntakeRejected;
import cn.anwang.publicreport.intake.Submission;
import cn.anwang.publicreport.intake.Throttled;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * Open311 GeoReport v2 at {@code /open311/v2}: services, service definitions, posting a request
 * (with a partner app's api_key), searching requests, one request, and tokens; each in {@code
 * .json} and {@code .xml}. Errors are the spec's list of {@code {code, description}} with 400, 403
 * or 404. An empty parameter counts as absent.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

  private final Open311Services services;
  private final Open311Requests requests;
  private final ApiKeys keys;
  private final Intake intake;
  private final ObjectMapper json;
  private final MessageSource messages;

  Open311Controller(
      Open311Services services,
      Open311Requests requests,
      ApiKeys keys,
      Intake intake,
      ObjectMapper json,
      MessageSource messages) {
    this.services = services;
    this.requests = requests;
    this.keys = keys;
    this.intake = intake;
    this.json = json;
    this.messages = messages;
  }

  @GetMapping("/services.{format}")
  ResponseEntity<String> services(@PathVariable String format) {
    return list(format, "services", "service", services.list());
  }

  @GetMapping("/services/{code}.{format}")
  ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format) {
    check(format);
    if (!Open311Services.CODES.contains(code)) {
      throw Open311Error.notFound("service_code " + code + " not found");
    }
    Map<String, Object> d = services.definition(code);
    return "xml".equals(format)
        ? xml(Open311Format.xmlSingle("service_definition", d))
        : jsonBody(d);
  }

  @PostMapping("/requests.{format}")
  ResponseEntity<String> post(
      @PathVariable String format,
      @RequestParam MultiValueMap<String, String> params,
      HttpServletRequest request) {
    check(format);
    long keyId =
        keys.check(param(params, "api_key"))
            .orElseThrow(() -> Open311Error.forbidden("api_key missing or not valid"));
    String code = param(params, "service_code");
    if (code == null) {
      throw Open311Error.badRequest("service_code is required");
    }
    if (!Open311Services.CODES.contains(code)) {
      throw Open311Error.badRequest("service_code " + code + " is not a service");
    }
    String lat = param(params, "lat");
    String lon = param(params, "long");
    if (lat == null || lon == null) {
      throw Open311Error.badRequest(
          param(params, "address_string") != null || param(params, "address_id") != null
              ? "lat and long are required: addresses are not geocoded here"
              : "a location is required: lat and long");
    }
    String description = param(params, "description");
    String severity = param(params, "attribute[severity]");
    if (severity != null) {
      if (!"ACCIDENT".equals(code) || !List.of("INJURY", "DEATH", "NONE").contains(severity)) {
        throw Open311Error.badRequest("attribute[severity] is not one of INJURY, DEATH, NONE");
      }
      description = (description == null ? "" : description) + "\n[severity=" + severity + "]";
    }
    String name =
        String.join(
                " ",
                Arrays.asList(
                    param(params, "last_name") == null ? "" : param(params, "last_name"),
                    param(params, "first_name") == null ? "" : param(params, "first_name")))
            .strip();
    String phone = param(params, "phone");
    boolean named = !name.isEmpty() && phone != null;
    Submission s =
        new Submission(
            code,
            description,
            lon,
            lat,
            "WGS84",
            param(params, "address_string"),
            !named,
            named ? name : null,
            named ? phone : null,
            named,
            null,
            null);
    Intake.Accepted accepted =
        intake.submitFromPartner(s, keyId, request.getRemoteAddr(), param(params, "device_id"));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("service_request_id", accepted.trackingCode());
    answer.put(
        "service_notice",
        accepted.claimSecret() == null
            ? text("publicreport.open311.notice")
            : text("publicreport.open311.noticeSecret", accepted.claimSecret()));
    answer.put("account_id", null);
    return ok(format, "service_requests", "request", List.of(answer));
  }

  @GetMapping("/requests.{format}")
  ResponseEntity<String> search(
      @PathVariable String format,
      @RequestParam(name = "service_request_id", required = false) String ids,
      @RequestParam(name = "service_code", required = false) String code,
      @RequestParam(name = "start_date", required = false) String start,
      @RequestParam(name = "end_date", required = false) String end,
      @RequestParam(name = "status", required = false) String status) {
    check(format);
    if (blank(ids) == null) {
      String category = blank(code);
      String state = blank(status);
      if (state != null && !state.equals("open") && !state.equals("closed")) {
        throw Open311Error.badRequest("status must be open or closed");
      }
      Instant to = blank(end) == null ? Instant.now() : date("end_date", end);
      Instant from =
          blank(start) == null ? to.minus(Duration.ofDays(90)) : date("start_date", start);
      if (from.isAfter(to)) {
        throw Open311Error.badRequest("start_date is after end_date");
      }
      if (Duration.between(from, to).compareTo(Duration.ofDays(90)) > 0) {
        throw Open311Error.badRequest("the date range may span at most 90 days");
      }
      return list(
          format,
          "service_requests",
          "request",
          requests.search(category, from, to, state, services));
    }
    List<String> codes =
        Arrays.stream(ids.split(","))
            .map(String::strip)
            .filter(c -> !c.isEmpty())
            .limit(Open311Requests.MAX)
            .toList();
    return list(format, "service_requests", "request", requests.byCodes(codes, services));
  }

  @GetMapping("/requests/{id}.{format}")
  ResponseEntity<String> one(@PathVariable String id, @PathVariable String format) {
    check(format);
    List<Map<String, Object>> found = requests.byCodes(List.of(id), services);
    if (found.isEmpty()) {
      throw Open311Error.notFound("service_request_id " + id + " not found");
    }
    return list(format, "service_requests", "request", found);
  }

  @GetMapping("/tokens/{token}.{format}")
  ResponseEntity<String> token(@PathVariable String token, @PathVariable String format) {
    check(format);
    // requests are realtime: a token is the request's own id
    if (requests.byCodes(List.of(token), services).isEmpty()) {
      throw Open311Error.notFound("token " + token + " not found");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_request_id", token);
    m.put("token", token);
    return list(format, "service_requests", "request", List.of(m));
  }

  // ------------------------------------------------------------------ errors

  @ExceptionHandler(Open311Error.class)
  ResponseEntity<String> error(Open311Error e, HttpServletRequest request) {
    return errors(request, e.status, e.getMessage());
  }

  @ExceptionHandler(IntakeRejected.class)
  ResponseEntity<String> rejected(IntakeRejected e, HttpServletRequest request) {
    return errors(request, 400, e.field() + ": " + text(e.messageKey()));
  }

  @ExceptionHandler(Throttled.class)
  ResponseEntity<String> throttled(Throttled e, HttpServletRequest request) {
    ResponseEntity<String> r = errors(request, 429, "too many requests");
    return ResponseEntity.status(429)
        .header("Retry-After", Long.toString(e.retryAfterSeconds()))
        .contentType(r.getHeaders().getContentType())
        .body(r.getBody());
  }

  private ResponseEntity<String> errors(
      HttpServletRequest request, int status, String description) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", status);
    error.put("description", description);
    boolean xml = request.getRequestURI().endsWith(".xml");
    return ResponseEntity.status(status)
        .contentType(xml ? MediaType.APPLICATION_XML : MediaType.APPLICATION_JSON)
        .body(
            xml
                ? Open311Format.xml("errors", "error", List.of(error))
                : Open311Format.json(json, List.of(error)));
  }

  // ------------------------------------------------------------------ helpers

  private ResponseEntity<String> list(
      String format, String root, String item, List<? extends Map<String, ?>> items) {
    check(format);
    return ok(format, root, item, items);
  }

  private ResponseEntity<String> ok(
      String format, String root, String item, List<? extends Map<String, ?>> items) {
    return "xml".equals(format) ? xml(Open311Format.xml(root, item, items)) : jsonBody(items);
  }

  private ResponseEntity<String> xml(String body) {
    return ResponseEntity.ok()
        .contentType(new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8))
        .body(body);
  }

  private ResponseEntity<String> jsonBody(Object value) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(Open311Format.json(json, value));
  }

  private static void check(String format) {
    if (!"json".equals(format) && !"xml".equals(format)) {
      throw Open311Error.badRequest("format must be .json or .xml");
    }
  }

  private static Instant date(String name, String value) {
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw Open311Error.badRequest(name + " is not an ISO-8601 date-time with zone");
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String param(MultiValueMap<String, String> params, String name) {
    return blank(params.getFirst(name));
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }
}

package cn.anwang.publicreport.intake;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public's pages, no log-in: the report form ({@code /report}), its captcha picture, and the
 * tracking pages ({@code /report/track}, {@code /report/track/{code}}).
 */
@Controller
class ReportPageController {

  static final String DEVICE_COOKIE = "anwang-device";

  /** The form as posted; checkboxes that were not ticked arrive as null. */
  record ReportForm(
      String category,
      String description,
      String lon,
      String lat,
      String coords,
      String address,
      Boolean anonymous,
      String name,
      String phone,
      Boolean consent,
      String captchaToken,
      String captchaAnswer) {

    static ReportForm empty() {
      return new ReportForm("HAZARD", "", "", "", "WGS84", "", true, "", "", false, null, null);
    }

    Submission submission() {
      return new Submission(
          category,
          description,
          lon,
          lat,
          coords,
          address,
          !Boolean.FALSE.equals(anonymous),
          name,
          phone,
          Boolean.TRUE.equals(consent),
          captchaToken,
          captchaAnswer);
    }
  }

  private final Intake intake;
  private final Captcha captcha;
  private final Tracking tracking;

  ReportPageController(Intake intake, Captcha captcha, Tracking tracking) {
    this.intake = intake;
    this.captcha = captcha;
    this.tracking = tracking;
  }

  @GetMapping("/report")
  String form(
      Model model,
      @CookieValue(name = DEVICE_COOKIE, required = false) String device,
      HttpServletResponse response) {
    if (device == null) {
      Cookie cookie = new Cookie(DEVICE_COOKIE, UUID.randomUUID().toString());
      cookie.setHttpOnly(true);
      cookie.setPath("/report");
      cookie.setMaxAge(60 * 60 * 24 * 365);
      cookie.setAttribute("SameSite", "Lax");
      response.addCookie(cookie);
    }
    return show(model, ReportForm.empty(), null, null);
  }

  private String show(Model model, ReportForm form, String errorField, String errorKey) {
    model.addAttribute("form", form);
    model.addAttribute("captchaToken", captcha.issue());
    model.addAttribute("errorField", errorField);
    model.addAttribute("errorKey", errorKey);
    return "publicreport/form";
  }

  @GetMapping(value = "/report/captcha.png", produces = MediaType.IMAGE_PNG_VALUE)
  ResponseEntity<byte[]> captchaPicture(@RequestParam("t") String token) {
    return captcha
        .answerOf(token)
        .map(
            answer ->
                ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .contentType(MediaType.IMAGE_PNG)
                    .body(CaptchaPicture.png(answer)))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @PostMapping("/report")
  String submit(
      @ModelAttribute ReportForm form,
      @CookieValue(name = DEVICE_COOKIE, required = false) String device,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    try {
      Intake.Accepted accepted = intake.submit(form.submission(), request.getRemoteAddr(), device);
      return "redirect:/report/track/" + accepted.trackingCode() + "?new";
    } catch (IntakeRejected e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      ReportForm kept =
          new ReportForm(
              form.category(),
              form.description(),
              form.lon(),
              form.lat(),
              form.coords(),
              form.address(),
              form.anonymous(),
              form.name(),
              form.phone(),
              form.consent(),
              null,
              null);
      return show(model, kept, e.field(), e.messageKey());
    }
  }

  @ExceptionHandler(Throttled.class)
  String throttled(Throttled e, HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
    model.addAttribute("retryAfter", e.retryAfterSeconds());
    return "publicreport/throttled";
  }

  @GetMapping("/report/track")
  String lookup(@RequestParam(name = "code", required = false) String code, Model model) {
    if (code != null && !code.isBlank()) {
      String normal = TrackingCodes.normalise(code);
      if (normal != null) {
        return "redirect:/report/track/" + normal;
      }
      model.addAttribute("invalid", true);
    }
    return "publicreport/lookup";
  }

  @GetMapping("/report/track/{code}")
  String track(
      @PathVariable String code,
      @RequestParam(name = "new", required = false) String fresh,
      Model model,
      HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    return tracking
        .find(code)
        .map(
            view -> {
              model.addAttribute("report", view);
              model.addAttribute("fresh", fresh != null);
              return "publicreport/track";
            })
        .orElseGet(
            () -> {
              response.setStatus(HttpStatus.NOT_FOUND.value());
              model.addAttribute("invalid", true);
              return "publicreport/lookup";
            });
  }
}

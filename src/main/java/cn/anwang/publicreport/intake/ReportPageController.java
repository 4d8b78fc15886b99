package cn.anwang.publicreport.intake;

import cn.anwang.area.PublicMap;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.multipart.MultipartFile;

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
  private final MessageSource messages;
  private final PublicMap publicMap;

  ReportPageController(
      Intake intake,
      Captcha captcha,
      Tracking tracking,
      MessageSource messages,
      PublicMap publicMap) {
    this.publicMap = publicMap;
    this.intake = intake;
    this.captcha = captcha;
    this.tracking = tracking;
    this.messages = messages;
  }

  @GetMapping("/report")
  String form(
      Model model,
      @CookieValue(name = DEVICE_COOKIE, required = false) String device,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (device == null) {
      Cookie cookie = new Cookie(DEVICE_COOKIE, UUID.randomUUID().toString());
      cookie.setHttpOnly(true);
      // over HTTPS (directly or, with forwarded headers, behind the proxy) never sent in clear
      cookie.setSecure(request.isSecure());
      cookie.setPath("/report");
      cookie.setMaxAge(60 * 60 * 24 * 365);
      cookie.setAttribute("SameSite", "Lax");
      response.addCookie(cookie);
    }
    return show(model, ReportForm.empty(), null);
  }

  private String show(Model model, ReportForm form, IntakeRejected error) {
    model.addAttribute("form", form);
    model.addAttribute("tiles", publicMap.tiles().orElse(null));
    model.addAttribute("captchaToken", captcha.issue());
    if (error != null) {
      model.addAttribute("errorField", error.field());
      model.addAttribute("errorKey", error.messageKey());
      model.addAttribute(
          "errorText",
          messages.getMessage(
              error.messageKey(), error.arguments(), LocaleContextHolder.getLocale()));
    }
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
      @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
      @CookieValue(name = DEVICE_COOKIE, required = false) String device,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    try {
      Intake.Accepted accepted =
          intake.submit(form.submission(), uploads(photos), request.getRemoteAddr(), device);
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
      return show(model, kept, e);
    }
  }

  private static List<ReportPhotos.Upload> uploads(List<MultipartFile> files) {
    List<ReportPhotos.Upload> uploads = new ArrayList<>();
    if (files == null) {
      return uploads;
    }
    for (MultipartFile f : files) {
      if (f.isEmpty()) {
        continue; // a file input left empty still sends a part
      }
      try {
        uploads.add(new ReportPhotos.Upload(f.getOriginalFilename(), f.getBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return uploads;
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

  @GetMapping("/report/track/{code}/photos/{photoId}")
  ResponseEntity<byte[]> photo(@PathVariable String code, @PathVariable long photoId) {
    return tracking
        .photo(code, photoId)
        .map(
            p ->
                ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .contentType(MediaType.parseMediaType(p.contentType()))
                    .body(p.content()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @GetMapping("/report/track/{code}")
  String track(
      @PathVariable String code,
      @RequestParam(name = "new", required = false) String fresh,
      @RequestParam(name = "outcome", required = false) String outcome,
      Model model,
      HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    return tracking
        .find(code)
        .map(
            view -> {
              model.addAttribute("report", view);
              model.addAttribute("fresh", fresh != null);
              if (outcome != null && outcome.matches("[A-Z_]{1,40}")) {
                model.addAttribute(
                    "notice",
                    messages.getMessage(
                        "publicreport.claim.outcome." + outcome,
                        null,
                        null,
                        LocaleContextHolder.getLocale()));
              }
              if (fresh != null) {
                tracking
                    .takeClaimSecret(view.code())
                    .ifPresent(secret -> model.addAttribute("claimSecret", secret));
              }
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

package cn.anwang.workforce.training;

import cn.anwang.workforce.training.CertificateService.Certificate;
import cn.anwang.workforce.training.CertificateService.TrainingRecord;
import cn.anwang.workforce.training.CourseService.CourseDraft;
import cn.anwang.workforce.training.PlanService.ItemDraft;
import cn.anwang.workforce.training.PlanService.Plan;
import cn.anwang.workforce.training.SessionService.AttendanceEntry;
import cn.anwang.workforce.training.SessionService.Session;
import cn.anwang.workforce.training.SessionService.SessionDraft;
import cn.anwang.workforce.training.SessionService.SessionView;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Training over HTTP: courses, sessions with attendance, certificates, the annual plan. */
@RestController
@RequestMapping(path = "/api/v1/training", produces = MediaType.APPLICATION_JSON_VALUE)
class TrainingApiController {

  /** Why a certificate is revoked. */
  record RevokeRequest(String reason) {}

  private final CourseService courses;
  private final SessionService sessions;
  private final CertificateService certificates;
  private final PlanService plans;

  TrainingApiController(
      CourseService courses,
      SessionService sessions,
      CertificateService certificates,
      PlanService plans) {
    this.courses = courses;
    this.sessions = sessions;
    this.certificates = certificates;
    this.plans = plans;
  }

  @Operation(summary = "Courses: city-wide ones and those of the caller's district, by code")
  @GetMapping("/courses")
  List<Course> courses() {
    return courses.list();
  }

  @Operation(summary = "A course; 404 for another district's")
  @GetMapping("/courses/{id}")
  Course course(@PathVariable long id) {
    return courses.get(id);
  }

  @Operation(
      summary = "Create a course",
      description =
          "City-wide (no districtCode): city administrator; a district's: its district"
              + " administrator. Code unique (409), hours > 0, passMark 0–100, validityMonths > 0,"
              + " requiredFor ALL|STREET|VILLAGE|NONE, prePost.")
  @PostMapping(path = "/courses", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Course> createCourse(@RequestBody CourseDraft draft) {
    Course created = courses.create(draft);
    return ResponseEntity.created(URI.create("/api/v1/training/courses/" + created.id()))
        .body(created);
  }

  @Operation(summary = "Change a course; send the version read (409 when stale)")
  @PutMapping(path = "/courses/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  Course updateCourse(@PathVariable long id, @RequestBody CourseDraft draft) {
    return courses.update(id, draft);
  }

  @Operation(summary = "Deactivate a course (no new sessions; certificates stay)")
  @PostMapping("/courses/{id}/deactivate")
  Course deactivate(@PathVariable long id, @RequestParam(required = false) Integer version) {
    return courses.setActive(id, false, version);
  }

  @Operation(summary = "Activate a course again")
  @PostMapping("/courses/{id}/activate")
  Course activate(@PathVariable long id, @RequestParam(required = false) Integer version) {
    return courses.setActive(id, true, version);
  }

  @Operation(summary = "Sessions in the caller's district(s), newest first (at most 500)")
  @GetMapping("/sessions")
  List<Session> sessions(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) Long course,
      @RequestParam(required = false) Integer year) {
    return sessions.list(district, course, year);
  }

  @Operation(
      summary = "A session with its course and attendance; 404 outside the caller's district")
  @GetMapping("/sessions/{id}")
  SessionView session(@PathVariable long id) {
    return sessions.get(id);
  }

  @Operation(summary = "Create a session (administrators of the district)")
  @PostMapping(path = "/sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Session> createSession(@RequestBody SessionDraft draft) {
    Session created = sessions.create(draft);
    return ResponseEntity.created(URI.create("/api/v1/training/sessions/" + created.id()))
        .body(created);
  }

  @Operation(
      summary = "Record attendance and exam scores",
      description =
          "[{officerId, attended, score}]: officers of the session's district the caller manages"
              + " (404 otherwise). passed = attended and score ≥ the course's pass mark; passing"
              + " issues the session's certificate (TJ-<district>-<year>-<seq>, issued on the"
              + " session's date, valid for the course's months); a rescore below the pass mark"
              + " revokes it.")
  @PutMapping(path = "/sessions/{id}/attendance", consumes = MediaType.APPLICATION_JSON_VALUE)
  SessionView attendance(@PathVariable long id, @RequestBody List<AttendanceEntry> entries) {
    return sessions.recordAttendance(id, entries);
  }

  @Operation(summary = "An officer's certificates, newest first, with status")
  @GetMapping("/certificates")
  List<Certificate> certificates(@RequestParam long officerId) {
    return certificates.list(officerId);
  }

  @Operation(summary = "Revoke a certificate, with a reason (administrators of the officer)")
  @PostMapping(path = "/certificates/{id}/revoke", consumes = MediaType.APPLICATION_JSON_VALUE)
  Certificate revoke(@PathVariable long id, @RequestBody RevokeRequest request) {
    return certificates.revoke(id, request == null ? null : request.reason());
  }

  @Operation(summary = "An officer's training record: certificates with status, attendance")
  @GetMapping("/officers/{officerId}/record")
  TrainingRecord record(@PathVariable long officerId) {
    return certificates.record(officerId);
  }

  @Operation(summary = "A district's annual plan with coverage (trained, due, overdue per street)")
  @GetMapping("/plans/{district}/{year}")
  Plan plan(@PathVariable String district, @PathVariable int year) {
    return plans.get(district, year);
  }

  @Operation(summary = "Replace a district's annual plan items (district administrator)")
  @PutMapping(path = "/plans/{district}/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
  Plan replacePlan(
      @PathVariable String district, @PathVariable int year, @RequestBody List<ItemDraft> items) {
    return plans.replace(district, year, items);
  }
}

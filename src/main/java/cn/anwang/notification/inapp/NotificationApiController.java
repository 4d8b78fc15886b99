package cn.anwang.notification.inapp;

import cn.anwang.identity.CurrentActor;
import cn.anwang.shared.web.ApiLocale;
import cn.anwang.shared.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own in-app notifications; another user's id answers 404. */
@RestController
@RequestMapping(path = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
class NotificationApiController {

  private final InAppInbox inbox;
  private final CurrentActor currentActor;

  NotificationApiController(InAppInbox inbox, CurrentActor currentActor) {
    this.inbox = inbox;
    this.currentActor = currentActor;
  }

  @Operation(
      summary = "My notifications, newest first",
      description =
          "Texts in the Accept-Language (zh or en, default en). unread=true: unread only.")
  @GetMapping
  InAppInbox.Page list(
      @RequestParam(defaultValue = "false") boolean unread,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
    return inbox.list(
        currentActor.require().userId(), unread, page, size, ApiLocale.of(acceptLanguage));
  }

  @Operation(summary = "How many of my notifications are unread")
  @GetMapping("/unread-count")
  Map<String, Long> unreadCount() {
    return Map.of("unread", inbox.unreadCount(currentActor.require().userId()));
  }

  @Operation(summary = "Mark one of my notifications read (404 when it is not mine)")
  @PostMapping("/{id}/read")
  Map<String, Long> read(@PathVariable long id) {
    long user = currentActor.require().userId();
    if (!inbox.markRead(user, id)) {
      throw ApiProblems.notFound("Notification", String.valueOf(id));
    }
    return Map.of("unread", inbox.unreadCount(user));
  }

  @Operation(summary = "Mark all my notifications read")
  @PostMapping("/read-all")
  Map<String, Long> readAll() {
    long user = currentActor.require().userId();
    return Map.of("marked", (long) inbox.markAllRead(user), "unread", inbox.unreadCount(user));
  }
}

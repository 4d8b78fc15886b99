package cn.anwang.notification.inapp;

import cn.anwang.identity.CurrentActor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The notifications page and the bell fragment the layout loads with htmx. */
@Controller
class NotificationPageController {

  private final InAppInbox inbox;
  private final CurrentActor currentActor;

  NotificationPageController(InAppInbox inbox, CurrentActor currentActor) {
    this.inbox = inbox;
    this.currentActor = currentActor;
  }

  @GetMapping("/notifications")
  String page(
      @RequestParam(defaultValue = "false") boolean unread,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    long user = currentActor.require().userId();
    model.addAttribute(
        "inbox", inbox.list(user, unread, page, 30, LocaleContextHolder.getLocale()));
    model.addAttribute("unreadOnly", unread);
    return "notification/notifications";
  }

  @GetMapping("/notifications/bell")
  String bell(Model model) {
    model.addAttribute("unread", inbox.unreadCount(currentActor.require().userId()));
    return "notification/bell :: bell";
  }

  /** Marks it read and follows its link (or returns to the list). */
  @PostMapping("/notifications/{id}/open")
  String open(@PathVariable long id) {
    long user = currentActor.require().userId();
    inbox.markRead(user, id);
    String link =
        inbox
            .linkOf(user, id)
            .filter(l -> l != null && l.startsWith("/") && !l.startsWith("//"))
            .orElse("/notifications");
    return "redirect:" + link;
  }

  @PostMapping("/notifications/read-all")
  String readAll() {
    inbox.markAllRead(currentActor.require().userId());
    return "redirect:/notifications";
  }
}

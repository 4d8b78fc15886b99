package cn.anwang.identity.security;

import cn.anwang.identity.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The log-in page; Spring Security handles the POST. */
@Controller
class LoginController {

  private final CurrentActor currentActor;

  LoginController(CurrentActor currentActor) {
    this.currentActor = currentActor;
  }

  @GetMapping("/login")
  String login() {
    // Someone already logged in has nothing to do here.
    return currentActor.current().isPresent() ? "redirect:/" : "identity/login";
  }
}

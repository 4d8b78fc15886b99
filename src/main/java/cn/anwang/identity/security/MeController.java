package cn.anwang.identity.security;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the API caller is: lets a client check its credentials and see its role and scope. */
@RestController
class MeController {

  private final CurrentActor currentActor;

  MeController(CurrentActor currentActor) {
    this.currentActor = currentActor;
  }

  @GetMapping("/api/v1/me")
  Actor me() {
    return currentActor.require();
  }
}

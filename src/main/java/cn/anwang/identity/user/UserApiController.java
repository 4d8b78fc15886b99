package cn.anwang.identity.user;

import cn.anwang.identity.user.UserCommands.CreatedUser;
import cn.anwang.identity.user.UserCommands.NewPassword;
import cn.anwang.identity.user.UserCommands.NewUser;
import cn.anwang.identity.user.UserCommands.PasswordReset;
import cn.anwang.identity.user.UserCommands.UserChanges;
import cn.anwang.identity.user.UserCommands.UserPage;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** User administration over JSON; the rules are in {@link UserAdministration}. */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'STREET_ADMIN')")
class UserApiController {

  private final UserAdministration administration;

  UserApiController(UserAdministration administration) {
    this.administration = administration;
  }

  @GetMapping
  UserPage list(
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return administration.list(q, page, size);
  }

  @GetMapping("/{id}")
  UserView get(@PathVariable long id) {
    return administration.get(id);
  }

  @PostMapping
  ResponseEntity<CreatedUser> create(@Valid @RequestBody NewUser user) {
    CreatedUser created = administration.create(user);
    return ResponseEntity.created(URI.create("/api/v1/users/" + created.user().id())).body(created);
  }

  @PatchMapping("/{id}")
  UserView update(@PathVariable long id, @Valid @RequestBody UserChanges changes) {
    return administration.update(id, changes);
  }

  @PostMapping("/{id}/disable")
  UserView disable(@PathVariable long id) {
    return administration.disable(id);
  }

  @PostMapping("/{id}/enable")
  UserView enable(@PathVariable long id) {
    return administration.enable(id);
  }

  @PostMapping("/{id}/unlock")
  UserView unlock(@PathVariable long id) {
    return administration.unlock(id);
  }

  @PostMapping("/{id}/reset-password")
  NewPassword resetPassword(
      @PathVariable long id, @Valid @RequestBody(required = false) PasswordReset reset) {
    return administration.resetPassword(id, reset == null ? null : reset.password());
  }

  @ExceptionHandler(UserAdministrationException.class)
  ResponseEntity<ProblemDetail> refused(UserAdministrationException e) {
    HttpStatus status =
        switch (e.kind()) {
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case FORBIDDEN -> HttpStatus.FORBIDDEN;
          case CONFLICT -> HttpStatus.CONFLICT;
          case INVALID -> HttpStatus.BAD_REQUEST;
        };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(status.getReasonPhrase());
    problem.setProperty("code", e.messageKey());
    if (e.field() != null) {
      problem.setProperty("field", e.field());
    }
    return ResponseEntity.status(status).body(problem);
  }
}

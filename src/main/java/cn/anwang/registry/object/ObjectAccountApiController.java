package cn.anwang.registry.object;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/objects/{id}/accounts}: the enterprise users acting for an object. */
@RestController
@RequestMapping(path = "/api/v1/objects/{id}/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
class ObjectAccountApiController {

  /** Names the enterprise user by id or, when no id is given, by log-in name. */
  record LinkRequest(Long userId, String username) {}

  private final ObjectAccountService accounts;

  ObjectAccountApiController(ObjectAccountService accounts) {
    this.accounts = accounts;
  }

  @Operation(summary = "The enterprise users linked to an object you see")
  @GetMapping
  List<ObjectAccountService.Account> list(@PathVariable long id) {
    return accounts.list(id);
  }

  @Operation(
      summary = "Link an enterprise user to the object",
      description =
          "Street, district and city administrators covering the object; the user must be an"
              + " enabled ENTERPRISE_USER (422 otherwise). Idempotent; answers the object's accounts.")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  List<ObjectAccountService.Account> link(@PathVariable long id, @RequestBody LinkRequest body) {
    return accounts.link(id, body.userId(), body.username());
  }

  @Operation(summary = "Unlink an enterprise user from the object (404 when not linked)")
  @DeleteMapping("/{userId}")
  ResponseEntity<Void> unlink(@PathVariable long id, @PathVariable long userId) {
    accounts.unlink(id, userId);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Unlink an enterprise user named by the userId parameter")
  @DeleteMapping
  ResponseEntity<Void> unlinkByParameter(@PathVariable long id, @RequestParam long userId) {
    return unlink(id, userId);
  }
}

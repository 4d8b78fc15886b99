package cn.anwang.identity.token;

import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.token.ApiTokenService.Created;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own API tokens; administrators also those of the users they administer. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenApiController {

  /**
   * A token to create.
   *
   * @param expiresOn the last day it works (ISO date, Asia/Shanghai); blank: in 90 days
   * @param scope {@code READ} or {@code WRITE}
   */
  record NewToken(String name, String expiresOn, String scope) {}

  /** The new token with its secret, shown this once. */
  record CreatedToken(
      long id,
      String name,
      String prefix,
      TokenScope scope,
      Instant createdAt,
      Instant expiresAt,
      String token) {}

  private final ApiTokenService service;
  private final CurrentActor currentActor;

  TokenApiController(ApiTokenService service, CurrentActor currentActor) {
    this.service = service;
    this.currentActor = currentActor;
  }

  @PostMapping
  ResponseEntity<CreatedToken> create(
      @RequestBody(required = false) NewToken body, HttpServletRequest request) {
    // A token that could mint tokens would outlive its own expiry and revocation.
    if (request.getAttribute(BearerTokens.REQUEST_ATTRIBUTE) != null) {
      throw TokenProblem.forbidden("tokenCannotCreate");
    }
    NewToken wanted = body == null ? new NewToken(null, null, null) : body;
    Created created =
        service.create(currentActor.require(), wanted.name(), wanted.expiresOn(), wanted.scope());
    TokenView t = created.token();
    return ResponseEntity.created(URI.create("/api/v1/tokens/" + t.id()))
        .cacheControl(CacheControl.noStore())
        .body(
            new CreatedToken(
                t.id(),
                t.name(),
                t.prefix(),
                t.scope(),
                t.createdAt(),
                t.expiresAt(),
                created.secret()));
  }

  /** The caller's tokens, or with {@code userId} those of a user the caller administers. */
  @GetMapping
  List<TokenView> list(@RequestParam(required = false) Long userId) {
    return userId == null
        ? service.own(currentActor.require())
        : service.ofUser(currentActor.require(), userId);
  }

  @GetMapping("/{id}")
  TokenView get(@PathVariable long id) {
    return service.get(currentActor.require(), id);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> revoke(@PathVariable long id) {
    service.revoke(currentActor.require(), id);
    return ResponseEntity.noContent().build();
  }
}

package cn.anwang.identity.security;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Reads the {@link Actor} from the principal Spring Security holds for the current request. */
@Component
class SecurityCurrentActor implements CurrentActor {

  @Override
  public Optional<Actor> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.isAuthenticated()
        && authentication.getPrincipal() instanceof AccountPrincipal principal) {
      return Optional.of(principal.actor());
    }
    return Optional.empty();
  }

  @Override
  public Actor require() {
    return current().orElseThrow(() -> new AccessDeniedException("Authentication required"));
  }
}

package cn.anwang.identity;

import java.io.Serializable;

/**
 * The authenticated user behind a request.
 *
 * @param userId database id
 * @param username log-in name
 * @param displayName name shown to people
 * @param role the user's role
 * @param scope territory × department the user may see
 */
public record Actor(long userId, String username, String displayName, Role role, Scope scope)
    implements Serializable {

  public boolean covers(String divisionCode) {
    return scope.covers(divisionCode);
  }
}

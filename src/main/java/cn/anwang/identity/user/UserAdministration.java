package cn.anwang.identity.user;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.identity.Territories;
import cn.anwang.identity.user.UserCommands.CreatedUser;
import cn.anwang.identity.user.UserCommands.NewPassword;
import cn.anwang.identity.user.UserCommands.NewUser;
import cn.anwang.identity.user.UserCommands.UserChanges;
import cn.anwang.identity.user.UserCommands.UserPage;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User administration on behalf of the current user, scoped to their territory. Every change is
 * audited with the user before and after (never the password hash).
 */
@Service
@Transactional
class UserAdministration {

  private final UserRepository users;
  private final UserPolicy policy;
  private final CurrentActor currentActor;
  private final PasswordEncoder passwordEncoder;
  private final AuditLog audit;

  UserAdministration(
      UserRepository users,
      Territories territories,
      CurrentActor currentActor,
      PasswordEncoder passwordEncoder,
      AuditLog audit) {
    this.users = users;
    this.policy = new UserPolicy(territories);
    this.currentActor = currentActor;
    this.passwordEncoder = passwordEncoder;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  UserPage list(String text, int page, int size) {
    Actor manager = currentActor.require();
    policy.requireAdministrator(manager);
    int safeSize = Math.min(Math.max(size, 1), 200);
    int safePage = Math.max(page, 0);
    String territory = manager.scope().likePattern();
    return new UserPage(
        users.search(territory, text, safePage * safeSize, safeSize).stream()
            .map(User::view)
            .toList(),
        users.countMatching(territory, text),
        safePage,
        safeSize);
  }

  @Transactional(readOnly = true)
  UserView get(long id) {
    return manageable(id).view();
  }

  CreatedUser create(NewUser command) {
    Actor manager = currentActor.require();
    String territory = command.territoryCode().trim();
    policy.requireAssignable(manager, command.role(), territory);
    String username = User.normaliseUsername(command.username());
    if (users.findByUsername(username).isPresent()) {
      throw UserAdministrationException.usernameTaken(username);
    }
    boolean generate = command.password() == null || command.password().isBlank();
    String password = generate ? PasswordGenerator.generate() : command.password();
    UserPolicy.requireStrongPassword(password, username);
    User user =
        User.create(
            username,
            passwordEncoder.encode(password),
            command.displayName(),
            command.role(),
            territory,
            command.departmentCode());
    user.contact(
        command.email() == null ? null : command.email().strip(),
        UserCommands.language(command.language()));
    long id =
        users
            .insertIfAbsent(user)
            .orElseThrow(() -> UserAdministrationException.usernameTaken(username));
    UserView created = users.findById(id).orElseThrow().view();
    audit.record("user.create", "user", String.valueOf(id), territory, null, created);
    return new CreatedUser(created, generate ? password : null);
  }

  UserView update(long id, UserChanges changes) {
    Actor manager = currentActor.require();
    User user = manageable(id);
    Role role = changes.role() != null ? changes.role() : user.role();
    String territory =
        changes.territoryCode() != null ? changes.territoryCode().trim() : user.territoryCode();
    String department =
        changes.departmentCode() != null ? changes.departmentCode() : user.departmentCode();
    if (role != user.role() || !territory.equals(user.territoryCode())) {
      policy.requireAssignable(manager, role, territory);
    }
    return change(
        user,
        "user.update",
        u -> {
          if (changes.displayName() != null) {
            u.rename(changes.displayName());
          }
          u.assign(role, territory, department);
          u.contact(
              changes.email() != null ? changes.email().strip() : u.email(),
              changes.language() != null
                  ? UserCommands.language(changes.language())
                  : u.language());
        });
  }

  UserView disable(long id) {
    User user = manageable(id);
    policy.requireNotSelf(currentActor.require(), user);
    return change(user, "user.disable", User::disable);
  }

  UserView enable(long id) {
    return change(manageable(id), "user.enable", User::enable);
  }

  UserView unlock(long id) {
    return change(manageable(id), "user.unlock", User::unlock);
  }

  NewPassword resetPassword(long id, String chosenPassword) {
    User user = manageable(id);
    boolean generate = chosenPassword == null || chosenPassword.isBlank();
    String password = generate ? PasswordGenerator.generate() : chosenPassword;
    UserPolicy.requireStrongPassword(password, user.username());
    String hash = passwordEncoder.encode(password);
    change(user, "user.reset-password", u -> u.changePassword(hash));
    return new NewPassword(generate ? password : null);
  }

  private User manageable(long id) {
    Actor manager = currentActor.require();
    policy.requireAdministrator(manager);
    User user = users.findById(id).orElseThrow(() -> UserAdministrationException.notFound(id));
    policy.requireManageable(manager, user);
    return user;
  }

  private UserView change(User user, String action, Consumer<User> change) {
    UserView before = user.view();
    change.accept(user);
    if (!users.update(user)) {
      throw UserAdministrationException.changedConcurrently(user.id());
    }
    UserView after = users.findById(user.id()).orElseThrow().view();
    // A password reset leaves the visible fields alike; it is still worth an entry.
    if (!Objects.equals(before, after) || action.equals("user.reset-password")) {
      audit.record(action, "user", String.valueOf(user.id()), after.territoryCode(), before, after);
    }
    return after;
  }
}

package cn.anwang.identity.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.anwang.identity.AuditLog;
import cn.anwang.identity.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

  final UserRepository users = mock(UserRepository.class);
  final AuditLog audit = mock(AuditLog.class);
  final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
  final TransactionTemplate transactions = inline();

  @Test
  void generatesAStrongPasswordAndLogsItOnceWhenNoneIsConfigured(CapturedOutput output)
      throws Exception {
    ArgumentCaptor<User> created = emptyDatabase();

    new FirstAdministrator(users, encoder, audit, transactions, "")
        .run(new DefaultApplicationArguments());

    Matcher logged =
        Pattern.compile("First administrator 'admin' created with password: (\\S+)")
            .matcher(output.getOut());
    assertThat(logged.find()).isTrue();
    assertThat(logged.group(1)).hasSizeGreaterThanOrEqualTo(16);
    assertThat(encoder.matches(logged.group(1), created.getValue().passwordHash())).isTrue();
    assertThat(created.getValue().role()).isEqualTo(Role.CITY_ADMIN);
    assertThat(created.getValue().territoryCode()).isEqualTo("12");
  }

  @Test
  void usesTheConfiguredPasswordAndNeverLogsIt(CapturedOutput output) throws Exception {
    ArgumentCaptor<User> created = emptyDatabase();

    new FirstAdministrator(users, encoder, audit, transactions, "configured-secret-1")
        .run(new DefaultApplicationArguments());

    assertThat(encoder.matches("configured-secret-1", created.getValue().passwordHash())).isTrue();
    assertThat(output.getOut()).doesNotContain("configured-secret-1");
  }

  @Test
  void refusesATooShortConfiguredPassword() {
    when(users.count()).thenReturn(0L);

    assertThatThrownBy(
            () ->
                new FirstAdministrator(users, encoder, audit, transactions, "short")
                    .run(new DefaultApplicationArguments()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ANWANG_ADMIN_PASSWORD");
  }

  @Test
  void leavesADatabaseWithUsersAlone() throws Exception {
    when(users.count()).thenReturn(3L);

    new FirstAdministrator(users, encoder, audit, transactions, "")
        .run(new DefaultApplicationArguments());

    verify(users, never()).insertIfAbsent(any());
  }

  private ArgumentCaptor<User> emptyDatabase() {
    ArgumentCaptor<User> created = ArgumentCaptor.forClass(User.class);
    when(users.count()).thenReturn(0L);
    when(users.insertIfAbsent(created.capture())).thenReturn(Optional.of(1L));
    when(users.findById(1L))
        .thenAnswer(
            i ->
                Optional.of(
                    new User(
                        1L,
                        "admin",
                        "h",
                        "a",
                        Role.CITY_ADMIN,
                        "12",
                        null,
                        true,
                        0,
                        null,
                        Instant.now(),
                        0)));
    return created;
  }

  private static TransactionTemplate inline() {
    return new TransactionTemplate() {
      @Override
      public <T> T execute(TransactionCallback<T> action) {
        return action.doInTransaction(new SimpleTransactionStatus());
      }
    };
  }
}

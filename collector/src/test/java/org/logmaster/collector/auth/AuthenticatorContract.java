package org.logmaster.collector.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.logmaster.collector.index.schema.Tables.SESSIONS;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.logmaster.collector.apitest.ApiServer;
import org.logmaster.collector.apitest.TestClock;
import org.logmaster.collector.apitest.TestDatabase;

/** Logins, lockout and sessions, run against H2 and PostgreSQL by the subclasses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuthenticatorContract {
    private static final String PASSWORD = "a long enough password";
    private static final AuthSettings SETTINGS = new AuthSettings(Duration.ofHours(8), 3, Duration.ofMinutes(15), ApiServer.TEST_HASH);

    private TestDatabase database;
    private TestClock clock;
    private Authenticator authenticator;
    private UserAdministration users;
    private String username;

    abstract TestDatabase.Kind kind();

    @BeforeAll
    void openDatabase() {
        database = TestDatabase.open(kind());
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) database.close();
    }

    @BeforeEach
    void newUser() {
        clock = new TestClock();
        PasswordHasher hasher = new PasswordHasher(ApiServer.TEST_HASH);
        authenticator = new Authenticator(database.dsl(), hasher, SETTINGS, clock);
        users = new UserAdministration(database.dsl(), hasher, clock);
        username = "user" + System.nanoTime();
        users.create(username, Role.VIEWER, PASSWORD);
    }

    @Test
    void theRightPasswordOpensASessionWithTheUsersRole() {
        Authenticator.Session session = authenticator.login(username, PASSWORD, "192.0.2.1:4000");
        assertThat(session.principal().role()).isEqualTo(Role.VIEWER);
        assertThat(authenticator.authenticate(session.token())).contains(session.principal());
    }

    @Test
    void userNamesAreCaseInsensitive() {
        assertThat(authenticator.login(username.toUpperCase(), PASSWORD, null).principal().username()).isEqualTo(username);
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> authenticator.login(username, "not the password", null))
                .isInstanceOf(AuthenticationException.class).hasMessage("wrong user name or password");
    }

    @Test
    void anUnknownUserIsRefusedLikeAWrongPassword() {
        assertThatThrownBy(() -> authenticator.login("nobody-" + username, PASSWORD, null))
                .isInstanceOf(AuthenticationException.class).hasMessage("wrong user name or password");
    }

    @Test
    void tooManyFailuresLockTheUserEvenAgainstTheRightPassword() {
        for (int i = 0; i < SETTINGS.maxFailedLogins(); i++) {
            assertThatThrownBy(() -> authenticator.login(username, "wrong", null)).isInstanceOf(AuthenticationException.class);
        }
        assertThatThrownBy(() -> authenticator.login(username, PASSWORD, null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("locked");
    }

    @Test
    void aLockEndsAfterTheLockoutDuration() {
        for (int i = 0; i < SETTINGS.maxFailedLogins(); i++) {
            assertThatThrownBy(() -> authenticator.login(username, "wrong", null)).isInstanceOf(AuthenticationException.class);
        }
        clock.advance(SETTINGS.lockout());
        assertThat(authenticator.login(username, PASSWORD, null).token()).isNotEmpty();
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        for (int i = 0; i < SETTINGS.maxFailedLogins() - 1; i++) {
            assertThatThrownBy(() -> authenticator.login(username, "wrong", null)).isInstanceOf(AuthenticationException.class);
        }
        authenticator.login(username, PASSWORD, null);
        assertThatThrownBy(() -> authenticator.login(username, "wrong", null)).isInstanceOf(AuthenticationException.class);
        assertThat(authenticator.login(username, PASSWORD, null).token()).isNotEmpty();
    }

    @Test
    void aSessionEndsAtItsFixedExpiry() {
        String token = authenticator.login(username, PASSWORD, null).token();
        clock.advance(SETTINGS.sessionLifetime().minusSeconds(1));
        assertThat(authenticator.authenticate(token)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(authenticator.authenticate(token)).isEmpty();
    }

    @Test
    void logoutEndsTheSession() {
        Authenticator.Session session = authenticator.login(username, PASSWORD, null);
        authenticator.logout(session.principal());
        assertThat(authenticator.authenticate(session.token())).isEmpty();
    }

    @Test
    void onlyTheTokensHashIsStored() {
        Authenticator.Session session = authenticator.login(username, PASSWORD, null);
        var stored = database.dsl().select(SESSIONS.TOKEN_HASH).from(SESSIONS).fetch(SESSIONS.TOKEN_HASH);
        assertThat(stored).contains(SessionTokens.hashOf(session.token())).doesNotContain(session.token());
        assertThat(session.token()).hasSize(43);
    }

    @Test
    void malformedAndUnknownTokensAreRefused() {
        assertThat(authenticator.authenticate(null)).isEmpty();
        assertThat(authenticator.authenticate("' OR 1=1 --")).isEmpty();
        assertThat(authenticator.authenticate(new SessionTokens().newToken())).isEmpty();
    }

    @Test
    void disablingAUserEndsTheirSessionsAndLogins() {
        String token = authenticator.login(username, PASSWORD, null).token();
        users.disable(username);
        assertThat(authenticator.authenticate(token)).isEmpty();
        assertThatThrownBy(() -> authenticator.login(username, PASSWORD, null)).hasMessage("user is disabled");
    }

    @Test
    void changingThePasswordEndsOtherSessionsButKeepsTheCurrentOne() {
        Authenticator.Session current = authenticator.login(username, PASSWORD, null);
        Authenticator.Session other = authenticator.login(username, PASSWORD, null);
        authenticator.changePassword(current.principal(), PASSWORD, "another long password");
        assertThat(authenticator.authenticate(current.token())).isPresent();
        assertThat(authenticator.authenticate(other.token())).isEmpty();
        assertThat(authenticator.login(username, "another long password", null).token()).isNotEmpty();
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() {
        Authenticator.Session session = authenticator.login(username, PASSWORD, null);
        assertThatThrownBy(() -> authenticator.changePassword(session.principal(), "guess", "another long password"))
                .isInstanceOf(AuthenticationException.class);
        assertThat(authenticator.login(username, PASSWORD, null).token()).isNotEmpty();
    }

    @Test
    void aShortNewPasswordIsRefused() {
        Authenticator.Session session = authenticator.login(username, PASSWORD, null);
        assertThatThrownBy(() -> authenticator.changePassword(session.principal(), PASSWORD, "short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 12");
    }

    @Test
    void anAdministratorsResetUnlocksAndEndsSessions() {
        String token = authenticator.login(username, PASSWORD, null).token();
        for (int i = 0; i < SETTINGS.maxFailedLogins(); i++) {
            assertThatThrownBy(() -> authenticator.login(username, "wrong", null)).isInstanceOf(AuthenticationException.class);
        }
        UserAdministration.UserWithPassword reset = users.resetPassword(username, "");
        assertThat(authenticator.authenticate(token)).isEmpty();
        assertThat(authenticator.login(username, reset.generatedPassword(), null).token()).isNotEmpty();
    }
}

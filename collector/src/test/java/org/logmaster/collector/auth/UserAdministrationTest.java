package org.logmaster.collector.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.logmaster.collector.apitest.ApiServer;
import org.logmaster.collector.apitest.TestClock;
import org.logmaster.collector.apitest.TestDatabase;

class UserAdministrationTest {
    private final TestDatabase database = TestDatabase.h2();
    private final TestClock clock = new TestClock();
    private final PasswordHasher hasher = new PasswordHasher(ApiServer.TEST_HASH);
    private final UserAdministration users = new UserAdministration(database.dsl(), hasher, clock);
    private final Authenticator authenticator = new Authenticator(database.dsl(), hasher,
            new AuthSettings(Duration.ofHours(1), 5, Duration.ofMinutes(5), ApiServer.TEST_HASH), clock);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aUserCreatedWithoutPasswordGetsAGeneratedOneThatWorks() {
        UserAdministration.UserWithPassword created = users.create("Alice", Role.AUDITOR, "");
        assertThat(created.user().username()).isEqualTo("alice");
        assertThat(created.generatedPassword()).matches("[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}");
        assertThat(authenticator.login("alice", created.generatedPassword(), null).principal().role()).isEqualTo(Role.AUDITOR);
    }

    @Test
    void aTakenUserNameIsRefused() {
        users.create("alice", Role.VIEWER, "");
        assertThatThrownBy(() -> users.create("ALICE", Role.VIEWER, "")).isInstanceOf(UsernameTakenException.class);
    }

    @Test
    void invalidUserNamesAreRefused() {
        assertThatThrownBy(() -> users.create("../etc", Role.VIEWER, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> users.create("", Role.VIEWER, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> users.create("a".repeat(65), Role.VIEWER, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLastEnabledAdministratorCanBeNeitherDisabledNorDemoted() {
        users.create("root", Role.ADMINISTRATOR, "");
        assertThatThrownBy(() -> users.disable("root")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> users.setRole("root", Role.VIEWER)).isInstanceOf(IllegalStateException.class);
        users.create("second", Role.ADMINISTRATOR, "");
        assertThat(users.setRole("root", Role.VIEWER).role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void changingAnUnknownUserSaysSo() {
        assertThatThrownBy(() -> users.enable("ghost")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aRoleChangeAppliesToOpenSessionsAtOnce() {
        users.create("root", Role.ADMINISTRATOR, "");
        users.create("bob", Role.VIEWER, "bob's long password");
        String token = authenticator.login("bob", "bob's long password", null).token();
        users.setRole("bob", Role.AUDITOR);
        assertThat(authenticator.authenticate(token).orElseThrow().role()).isEqualTo(Role.AUDITOR);
    }

    @Test
    void bootstrapCreatesTheFirstAdministratorOnlyOnce() {
        var first = authenticator.bootstrapAdministrator();
        assertThat(first).isPresent();
        assertThat(authenticator.login(first.get().username(), first.get().password(), null).principal().role())
                .isEqualTo(Role.ADMINISTRATOR);
        assertThat(authenticator.bootstrapAdministrator()).isEmpty();
    }
}

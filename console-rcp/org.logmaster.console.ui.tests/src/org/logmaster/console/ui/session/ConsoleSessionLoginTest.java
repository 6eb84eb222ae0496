package org.logmaster.console.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.logmaster.api.v1.Permission;
import org.logmaster.api.v1.Role;
import org.logmaster.console.client.ConnectionState;
import org.logmaster.console.client.ConnectionStatus;
import org.logmaster.console.client.Credentials;
import org.logmaster.console.client.SessionInfo;
import org.logmaster.console.ui.collector.RunningCollector;

/** The session's connect-then-login against a real collector (child process). */
class ConsoleSessionLoginTest {

    private final RunningCollector collector = RunningCollector.shared();

    @Test
    void connectingWithALoginMakesTheSessionKnowTheUsersRole() throws Exception {
        ConsoleSession session = new ConsoleSession();
        CompletableFuture<SessionInfo> loggedIn = new CompletableFuture<>();
        session.addSessionListener(info -> {
            if (info.loggedIn()) {
                loggedIn.complete(info);
            }
        });
        try {
            session.connect(collector.settings(collector.administrator()), outcome -> { });

            SessionInfo info = loggedIn.get(60, TimeUnit.SECONDS);
            assertThat(info.role()).isEqualTo(Role.ROLE_ADMINISTRATOR);
            assertThat(info.may(Permission.PERMISSION_DEVICES_MANAGE)).isTrue();
            assertThat(session.loggedInConnection()).isNotNull();
        } finally {
            session.close();
        }
    }

    @Test
    void aWrongPasswordEndsInLoginFailedWithTheServersMessage() throws Exception {
        ConsoleSession session = new ConsoleSession();
        CompletableFuture<ConnectionStatus> outcome = new CompletableFuture<>();
        Credentials wrong = new Credentials(collector.administrator().user(), "not-the-password".toCharArray());
        try {
            session.connect(collector.settings(wrong), outcome::complete);

            ConnectionStatus status = outcome.get(60, TimeUnit.SECONDS);
            assertThat(status.state()).isEqualTo(ConnectionState.LOGIN_FAILED);
            assertThat(status.detail()).isNotBlank();
            assertThat(session.sessionInfo().loggedIn()).isFalse();
            assertThat(session.loggedInConnection()).isNull();
        } finally {
            session.close();
        }
    }
}

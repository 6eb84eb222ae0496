package org.logmaster.collector.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailActionTest {
    private final TestSmtpServer smtp = new TestSmtpServer();

    @AfterEach
    void stop() {
        smtp.close();
    }

    private static Alert bruteForceAlert() {
        RuleEngine engine = RuleEngineTest.engine(RuleEngineTest.sshBruteForce());
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 6; i++) alerts.addAll(engine.evaluate(TestEvents.failedLogin("203.0.113.7", i)));
        return alerts.getFirst();
    }

    @Test
    void theMailNamesTheRuleAndListsTheEvidenceLines() throws Exception {
        new MailAction(smtp.settings("optional", TestSmtpServer.PASSWORD)).deliver(bruteForceAlert().withId(42));

        assertThat(smtp.greenMail().waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage m = smtp.greenMail().getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("[LogMaster CRITICAL] ssh-brute-force [203.0.113.7]");
        assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly(TestSmtpServer.TO);
        String body = ((String) m.getContent()).replace("\r\n", "\n");
        assertThat(body).contains("Rule:     ssh-brute-force", "Alert id: 42",
                "failed SSH logins from one address", "Evidence (6 lines, latest last):");
        assertThat(body.lines().filter(l -> l.contains("sshd: Failed password for root from 203.0.113.7 port 22")))
                .hasSize(6);
    }

    @Test
    void aWrongPasswordIsRefusedByTheServer() {
        MailAction action = new MailAction(smtp.settings("optional", "wrong"));
        assertThatThrownBy(() -> action.deliver(bruteForceAlert())).isInstanceOf(MessagingException.class);
        assertThat(smtp.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void requiredStartTlsSendsNothingToAServerWithoutIt() {
        // GreenMail offers no STARTTLS: the password and the alert must not cross in clear text
        MailAction action = new MailAction(smtp.settings("required", TestSmtpServer.PASSWORD));
        assertThatThrownBy(() -> action.deliver(bruteForceAlert())).isInstanceOf(MessagingException.class)
                .hasMessageContaining("STARTTLS");
        assertThat(smtp.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void alertsBelowTheMinimumSeverityAreNotMailed() throws Exception {
        var settings = new AlertSettings.Mail("127.0.0.1", smtp.port(), "optional", TestSmtpServer.USER,
                TestSmtpServer.PASSWORD, TestSmtpServer.FROM, List.of(TestSmtpServer.TO), "critical");
        Alert warning = Alert.raised("r", AlertSeverity.WARNING, TestEvents.T0, "", 1, "s", List.of("l"), null);
        new MailAction(settings).deliver(warning);
        // delivery is synchronous: had it been sent, the server would hold it now
        assertThat(smtp.greenMail().getReceivedMessages()).isEmpty();
    }
}

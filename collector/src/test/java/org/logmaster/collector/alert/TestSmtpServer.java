package org.logmaster.collector.alert;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.List;

/** A real SMTP server (GreenMail) on a free loopback port, with one account that must authenticate. */
public final class TestSmtpServer implements AutoCloseable {
    public static final String USER = "alerts";
    public static final String PASSWORD = "s3cret-Pa55";
    public static final String FROM = "logmaster@appliance.example";
    public static final String TO = "noc@example.org";

    private final GreenMail mail;

    public TestSmtpServer() {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(FROM, USER, PASSWORD));
        mail.start();
    }

    public int port() {
        return mail.getSmtp().getPort();
    }

    public GreenMail greenMail() {
        return mail;
    }

    /** Mail settings that reach this server; {@code starttls} as in the configuration. */
    public AlertSettings.Mail settings(String starttls, String password) {
        return new AlertSettings.Mail("127.0.0.1", port(), starttls, USER, password, FROM, List.of(TO), null);
    }

    /** The YAML of the same settings, for a collector's configuration file. */
    public String yaml() {
        return "{ host: 127.0.0.1, port: %d, starttls: optional, username: %s, password: %s, from: %s, to: [%s] }"
                .formatted(port(), USER, PASSWORD, FROM, TO);
    }

    @Override
    public void close() {
        mail.stop();
    }
}

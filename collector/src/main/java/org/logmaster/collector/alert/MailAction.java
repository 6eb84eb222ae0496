package org.logmaster.collector.alert;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Mails each alert (at or above the configured severity) through an SMTP submission server, with
 * STARTTLS and authentication as configured. The subject names severity and rule; the body says
 * what happened and lists the evidence lines.
 */
public final class MailAction implements AlertAction {
    private final Session session;
    private final InternetAddress from;
    private final InternetAddress[] to;
    private final AlertSeverity minSeverity;

    public MailAction(AlertSettings.Mail settings) {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", Integer.toString(settings.port()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "20000");
        p.put("mail.smtp.writetimeout", "20000");
        String starttls = settings.starttls().toLowerCase(Locale.ROOT);
        p.put("mail.smtp.starttls.enable", Boolean.toString(!starttls.equals("off")));
        p.put("mail.smtp.starttls.required", Boolean.toString(starttls.equals("required")));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        Authenticator authenticator = null;
        if (settings.username() != null && !settings.username().isEmpty()) {
            p.put("mail.smtp.auth", "true");
            String user = settings.username();
            String password = settings.password() != null ? settings.password() : "";
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(p, authenticator);
        try {
            this.from = new InternetAddress(settings.from(), true);
            this.to = InternetAddress.parse(String.join(",", settings.to()), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("bad mail address: " + e.getMessage(), e);
        }
        this.minSeverity = AlertSeverity.ofKey(settings.minSeverity());
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public void deliver(Alert alert) throws MessagingException {
        if (alert.severity().compareTo(minSeverity) < 0) return;
        MimeMessage m = new MimeMessage(session);
        m.setFrom(from);
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSentDate(Date.from(alert.raisedAt()));
        m.setSubject(subject(alert), StandardCharsets.UTF_8.name());
        m.setText(body(alert), StandardCharsets.UTF_8.name());
        Transport.send(m);
    }

    static String subject(Alert alert) {
        String key = alert.groupKey().isEmpty() ? "" : " [" + alert.groupKey() + "]";
        return "[LogMaster " + alert.severity().key().toUpperCase(Locale.ROOT) + "] " + alert.rule() + key;
    }

    static String body(Alert alert) {
        StringBuilder b = new StringBuilder();
        b.append("Rule:     ").append(alert.rule()).append('\n');
        b.append("Severity: ").append(alert.severity().key()).append('\n');
        b.append("Raised:   ").append(alert.raisedAt()).append(" (UTC)\n");
        if (!alert.groupKey().isEmpty()) b.append("Group:    ").append(alert.groupKey()).append('\n');
        if (alert.id() != 0) b.append("Alert id: ").append(alert.id()).append('\n');
        b.append('\n').append(alert.summary()).append("\n\n");
        List<String> evidence = alert.evidence();
        b.append("Evidence (").append(evidence.size()).append(evidence.size() == 1 ? " line" : " lines")
                .append(", latest last):\n");
        for (String line : evidence) b.append("  ").append(line).append('\n');
        b.append("\nThe lines are kept in the daily files and the index; search them in the console.\n");
        return b.toString();
    }
}

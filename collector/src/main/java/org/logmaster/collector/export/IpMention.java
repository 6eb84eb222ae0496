package org.logmaster.collector.export;

import java.util.List;

import org.logmaster.collector.index.IndexedEvent;

/**
 * Whether an event mentions one of some IP addresses: as its sender, or as a whole token of its
 * message ("10.0.0.1" matches "src=10.0.0.1 " but not "10.0.0.12" or "110.0.0.1").
 */
final class IpMention {
    private final List<String> ips;

    IpMention(List<String> ips) {
        this.ips = ips.stream().map(ip -> ip.toLowerCase(java.util.Locale.ROOT)).toList();
    }

    boolean matches(IndexedEvent event) {
        if (ips.isEmpty()) {
            return true;
        }
        String sender = event.sender() == null ? "" : event.sender().toLowerCase(java.util.Locale.ROOT);
        String message = event.message() == null ? "" : event.message().toLowerCase(java.util.Locale.ROOT);
        for (String ip : ips) {
            if (sender.equals(ip) || containsToken(message, ip)) {
                return true;
            }
        }
        return false;
    }

    static boolean containsToken(String text, String ip) {
        for (int at = text.indexOf(ip); at >= 0; at = text.indexOf(ip, at + 1)) {
            boolean startOk = at == 0 || !isAddressChar(text.charAt(at - 1));
            int end = at + ip.length();
            boolean endOk = end == text.length() || !isAddressChar(text.charAt(end))
                    || text.charAt(end) == '.' && (end + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(end + 1)));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAddressChar(char c) {
        return Character.isDigit(c) || c == '.' || c == ':' || c >= 'a' && c <= 'f';
    }
}

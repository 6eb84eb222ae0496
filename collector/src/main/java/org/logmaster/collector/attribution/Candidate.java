package org.logmaster.collector.attribution;

import java.util.List;
import java.util.Set;

/**
 * Who may have had the address: an inside address (reached through NAT, or the queried
 * address itself), the MAC that held it, and what else the evidence names.
 *
 * @param ip         the address the client had (the inside address when the query went through NAT)
 * @param port       the inside port, when a port translation names it
 * @param mac        the client's MAC, or null when no lease or registration names one
 * @param clientHost the host name the client gave its DHCP server, or null
 * @param label      the registered device's name, or null
 * @param users      users the evidence names (firewall session user, 802.1X identity)
 * @param evidence   the events that prove this candidate, translation first, then lease, then association
 */
public record Candidate(String ip, Integer port, String mac, String clientHost, String label, Set<String> users,
                        List<Evidence> evidence) {

    public Candidate {
        users = Set.copyOf(users);
        evidence = List.copyOf(evidence);
    }
}

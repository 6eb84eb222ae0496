package org.logmaster.console.ui.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.fieldassist.ContentProposal;
import org.eclipse.jface.fieldassist.IContentProposal;
import org.eclipse.jface.fieldassist.IContentProposalProvider;
import org.logmaster.api.v1.Device;
import org.logmaster.api.v1.UnknownSender;

/**
 * Completes the device id being typed in the Search form (the word after the last space or
 * comma) from the registered devices and unknown senders the collector listed last. A device's
 * name and address are searched too, so typing "firewall" proposes {@code mac-001b213a4f5c}.
 */
final class DeviceIdProposals implements IContentProposalProvider {

    private volatile List<IContentProposal> known = List.of();

    void update(List<Device> devices, List<UnknownSender> senders) {
        List<IContentProposal> proposals = new ArrayList<>();
        for (Device device : devices) {
            proposals.add(new ContentProposal(device.getId(), device.getId() + "  " + device.getName(),
                    device.getName() + " · " + device.getMac() + (device.getLocation().isEmpty() ? "" : " · " + device.getLocation())));
        }
        for (UnknownSender sender : senders) {
            proposals.add(new ContentProposal(sender.getDeviceId(), sender.getDeviceId() + "  (unknown sender)",
                    "not registered · " + sender.getAddress()));
        }
        known = List.copyOf(proposals);
    }

    @Override
    public IContentProposal[] getProposals(String contents, int position) {
        String before = contents.substring(0, Math.min(position, contents.length()));
        int start = Math.max(before.lastIndexOf(' '), before.lastIndexOf(',')) + 1;
        String word = before.substring(start).toLowerCase(Locale.ROOT);
        List<IContentProposal> matching = new ArrayList<>();
        for (IContentProposal proposal : known) {
            if (proposal.getLabel().toLowerCase(Locale.ROOT).contains(word)
                    || proposal.getDescription().toLowerCase(Locale.ROOT).contains(word)) {
                // replace only the word being typed; the ids before it stay
                String completed = contents.substring(0, start) + proposal.getContent();
                matching.add(new ContentProposal(completed, proposal.getLabel(), proposal.getDescription(), completed.length()));
            }
        }
        return matching.toArray(IContentProposal[]::new);
    }
}

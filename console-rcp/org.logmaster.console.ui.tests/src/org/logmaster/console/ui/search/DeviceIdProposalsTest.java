package org.logmaster.console.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.fieldassist.IContentProposal;
import org.junit.jupiter.api.Test;
import org.logmaster.api.v1.Device;
import org.logmaster.api.v1.UnknownSender;

class DeviceIdProposalsTest {

    private final DeviceIdProposals proposals = new DeviceIdProposals();

    {
        proposals.update(List.of(Device.newBuilder().setId("mac-001b213a4f5c").setName("Edge firewall")
                .setMac("00:1b:21:3a:4f:5c").build()),
                List.of(UnknownSender.newBuilder().setAddress("10.0.0.7").setDeviceId("ip-10-0-0-7").build()));
    }

    private List<String> contents(String typed) {
        return Arrays.stream(proposals.getProposals(typed, typed.length())).map(IContentProposal::getContent).toList();
    }

    @Test
    void aDeviceNameCompletesToItsIdAfterTheIdsAlreadyTyped() {
        assertThat(contents("ip-10-0-0-7, fire")).containsExactly("ip-10-0-0-7, mac-001b213a4f5c");
    }

    @Test
    void unknownSendersAreProposedByAddress() {
        assertThat(contents("10.0.0")).containsExactly("ip-10-0-0-7");
    }
}

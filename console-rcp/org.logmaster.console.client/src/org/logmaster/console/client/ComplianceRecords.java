package org.logmaster.console.client;

import java.time.LocalDate;
import java.util.List;

import org.logmaster.api.v1.ComplianceStatusResponse;
import org.logmaster.api.v1.ComplianceVerifyResponse;

/**
 * The collector's seal records ({@code ComplianceService}). Blocking: never call on the display
 * thread. Every method throws {@link CallFailedException} with the server's message.
 */
public interface ComplianceRecords {

    /** One entry per device per day from {@code from} to {@code to}; empty {@code devices} for all. */
    ComplianceStatusResponse complianceStatus(LocalDate from, LocalDate to, List<String> devices);

    /** Verifies one device's day now, as an auditor would (the server hashes the daily file). */
    ComplianceVerifyResponse verify(String device, LocalDate day);
}

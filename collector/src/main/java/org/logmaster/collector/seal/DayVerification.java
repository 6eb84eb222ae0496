package org.logmaster.collector.seal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.logmaster.collector.enrich.DeviceId;

/**
 * What verifying one day of one device found.
 *
 * @param problems   empty when the day is OK
 * @param signer     subject of the certificate that signed the statement
 * @param tsaTime    when the TSA says it stamped the signature
 * @param tsaName    the TSA's name from the token (or its certificate subject)
 * @param tsaLabel   the TSA label the statement recorded
 * @param builtInTsa true when the stamp comes from the built-in lab TSA: not legal evidence
 */
public record DayVerification(DeviceId device, LocalDate day, List<SealProblem> problems, Optional<String> signer,
                              Optional<Instant> tsaTime, Optional<String> tsaName, Optional<String> tsaLabel,
                              boolean builtInTsa) {
    public DayVerification {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public List<SealProblem.Kind> problemKinds() {
        return problems.stream().map(SealProblem::kind).distinct().toList();
    }

    @Override
    public String toString() {
        return device + " " + day + ": " + (ok() ? "OK" : problems)
                + tsaTime.map(time -> ", stamped " + time).orElse("")
                + (builtInTsa ? " by the " + BuiltInTsa.LABEL : tsaName.map(name -> " by " + name).orElse(""))
                + signer.map(name -> ", signed by " + name).orElse("");
    }
}

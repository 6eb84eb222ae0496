package org.logmaster.collector.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code logmaster-collector}: the operator's commands on the appliance. */
@Command(name = "logmaster-collector", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "LogMaster collector: receives syslog, keeps the legal daily record, indexes it.",
        subcommands = {RunCommand.class, InitCommand.class, SearchCommand.class, VerifyAuditCommand.class,
                SealCommand.class, VerifyCommand.class, ExportCommand.class,
                WhoHadCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}

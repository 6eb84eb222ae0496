package org.logmaster.console.ui.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.api.v1.ExportBundleRequest;
import org.logmaster.api.v1.ExportSummary;
import org.logmaster.api.v1.Role;
import org.logmaster.console.client.CollectorConnection;
import org.logmaster.console.client.EvidenceBundleCheck;
import org.logmaster.console.client.EvidenceBundleCheck.Check;
import org.logmaster.console.client.EvidenceExports.ExportCancelledException;
import org.logmaster.console.ui.collector.RunningCollector;
import org.logmaster.console.ui.live.SwtDriver;

import com.google.protobuf.Timestamp;

/** The Export wizard's real pages against a real collector (child process) with a sealed day. */
class ExportEvidenceWizardTest {

    /** A sender of its own, so that its seal chain is this test's alone. */
    private static final String SENDER = "127.0.0.9";

    private final RunningCollector collector = RunningCollector.shared();
    @TempDir
    Path folder;
    private CollectorConnection connection;
    private Shell shell;
    private ExportEvidenceWizard wizard;
    private DrivenWizardDialog dialog;

    @BeforeEach
    void openWizard() {
        connection = collector.connect(collector.administrator());
        shell = new Shell(SwtDriver.display());
        wizard = new ExportEvidenceWizard(connection);
        dialog = new DrivenWizardDialog(shell, wizard);
        dialog.open();
    }

    @AfterEach
    void close() {
        dialog.close();
        shell.dispose();
        connection.close();
    }

    /** A sealed yesterday for this test's sender: today's file copied and sealed with the built-in TSA. */
    private String senderWithASealedYesterday() throws Exception {
        collector.sendFrom(SENDER, "evidence for case " + UUID.randomUUID());
        SwtDriver.pumpUntil("the sender is known", () -> connection.devices().unknownSenders().stream()
                .anyMatch(sender -> sender.getAddress().equals(SENDER)));
        String device = connection.devices().unknownSenders().stream().filter(s -> s.getAddress().equals(SENDER))
                .findFirst().orElseThrow().getDeviceId();
        LocalDate today = LocalDate.now(ZoneId.of("UTC")); // the test collector's zone
        SwtDriver.pumpUntil("today's daily file exists", () -> connection.compliance()
                .complianceStatus(today, today, List.of(device)).getDaysCount() > 0);
        collector.sealCopyOfToday(device, today, today.minusDays(1));
        return device;
    }

    private void fillCase() {
        wizard.casePage().caseNumberField().setText("2026/1234 E.");
        wizard.casePage().requesterField().setText("Ankara 3rd Criminal Court of Peace");
        wizard.casePage().reasonField().setText("Who used 203.0.113.45 on the night of the 27th");
    }

    private void chooseDeviceAndTheLastTwoDays(String device) {
        SwtDriver.pumpUntil("the devices are listed", () -> wizard.scopePage().devicesTable().getItemCount() > 0
                && findRow(device) != null);
        findRow(device).setChecked(true);
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        wizard.scopePage().fromField().set(today.minusDays(1).atStartOfDay(ZoneId.of("UTC")));
        wizard.scopePage().toField().set(today.plusDays(1).atStartOfDay(ZoneId.of("UTC")));
    }

    private TableItem findRow(String device) {
        for (TableItem item : wizard.scopePage().devicesTable().getItems()) {
            if (item.getText(0).equals(device)) {
                return item;
            }
        }
        return null;
    }

    @Test
    void withoutACaseNumberNextIsDisabledAndThePageSaysWhy() {
        assertThat(dialog.button(IDialogConstants.NEXT_ID).isEnabled()).isFalse();
        assertThat(dialog.button(IDialogConstants.FINISH_ID).isEnabled()).isFalse();
        assertThat(wizard.casePage().getErrorMessage()).isEqualTo("Enter the case number.");
    }

    @Test
    void theDestinationIsProposedFromTheCaseNumber() {
        fillCase();
        dialog.pressNext();
        dialog.pressNext();

        assertThat(wizard.destinationPage().fileField().getText()).endsWith("evidence-2026-1234-e.zip");
        assertThat(dialog.button(IDialogConstants.FINISH_ID).isEnabled()).isTrue();
    }

    @Test
    void finishSavesTheBundleAndItsFilesCheckOutOnThisComputer() throws Exception {
        String device = senderWithASealedYesterday();
        fillCase();
        dialog.pressNext();
        chooseDeviceAndTheLastTwoDays(device);
        dialog.pressNext();
        Path bundle = folder.resolve("case-1234.zip");
        wizard.destinationPage().fileField().setText(bundle.toString());

        dialog.pressFinish();

        ExportResult result = wizard.result();
        assertThat(result).as(String.valueOf(wizard.destinationPage().getErrorMessage())).isNotNull();
        assertThat(bundle).isRegularFile();
        assertThat(result.checks()).allMatch(Check::passed);
        assertThat(result.summary().getDays()).isGreaterThanOrEqualTo(1);
        assertThat(result.summary().getEvents()).isGreaterThanOrEqualTo(1);
        assertThat(result.describe()).contains("Manifest SHA-256 (note it in the case file): "
                + result.summary().getManifestSha256()).contains("built-in lab TSA");
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            assertThat(zip.getEntry("days/" + device + "/" + LocalDate.now(ZoneId.of("UTC")).minusDays(1) + ".seal"))
                    .isNotNull();
        }
    }

    @Test
    void aChangedByteInASavedBundleFailsTheCheckThatNamesTheFile() throws Exception {
        String device = senderWithASealedYesterday();
        Path bundle = folder.resolve("original.zip");
        ExportSummary summary = connection.evidence().export(request(device), bundle, bytes -> { }, () -> false);
        assertThat(EvidenceBundleCheck.check(bundle, summary)).allMatch(Check::passed);

        Path changed = withEntryChanged(bundle, "extract/events.csv", folder.resolve("changed.zip"), data -> {
            data[0] ^= 1;
            return data;
        });

        List<Check> checks = EvidenceBundleCheck.check(changed, summary);
        assertThat(EvidenceBundleCheck.allPassed(checks)).isFalse();
        assertThat(checks).filteredOn(check -> !check.passed()).extracting(Check::detail)
                .anyMatch(detail -> detail.startsWith("extract/events.csv has SHA-256 "));
    }

    @Test
    void aManifestEditedAfterSigningFailsTheSignatureCheck() throws Exception {
        String device = senderWithASealedYesterday();
        Path bundle = folder.resolve("original.zip");
        ExportSummary summary = connection.evidence().export(request(device), bundle, bytes -> { }, () -> false);
        Path edited = withEntryChanged(bundle, "manifest.json", folder.resolve("edited.zip"), data -> new String(data,
                StandardCharsets.UTF_8).replace("\"T-1\"", "\"T-2\"").getBytes(StandardCharsets.UTF_8));

        List<Check> checks = EvidenceBundleCheck.check(edited, summary);

        assertThat(checks).filteredOn(check -> check.name().startsWith("manifest.json is signed"))
                .singleElement().satisfies(check -> assertThat(check.passed()).as(check.detail()).isFalse());
    }

    @Test
    void cancellingAnExportSavesNothing() throws Exception {
        String device = senderWithASealedYesterday();
        Path bundle = folder.resolve("cancelled.zip");

        assertThatThrownBy(() -> connection.evidence().export(request(device), bundle, bytes -> { }, () -> true))
                .isInstanceOf(ExportCancelledException.class);

        try (var files = Files.list(folder)) {
            assertThat(files).isEmpty(); // neither the bundle nor a partial file
        }
    }

    @Test
    void onlyRolesWithEvidenceExportMayOpenTheWizard() {
        CollectorConnection viewer = collector.connect(collector.createUser("viewer-" + UUID.randomUUID()
                .toString().substring(0, 8), Role.ROLE_VIEWER));
        try {
            assertThat(ExportEvidenceHandler.mayExport(viewer.whoAmI())).isFalse();
            assertThat(ExportEvidenceHandler.mayExport(connection.whoAmI())).isTrue();
        } finally {
            viewer.close();
        }
    }

    private static ExportBundleRequest request(String device) {
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        return ExportBundleRequest.newBuilder().setCaseNumber("T-1").setRequester("test").setReason("test")
                .addDeviceIds(device)
                .setFrom(Timestamp.newBuilder().setSeconds(today.minusDays(1).atStartOfDay(ZoneId.of("UTC")).toEpochSecond()))
                .setTo(Timestamp.newBuilder().setSeconds(today.plusDays(1).atStartOfDay(ZoneId.of("UTC")).toEpochSecond()))
                .build();
    }

    /** A copy of the zip with one entry's bytes changed, as tampering would. */
    private static Path withEntryChanged(Path bundle, String entryName, Path copy, UnaryOperator<byte[]> change)
            throws Exception {
        try (ZipFile zip = new ZipFile(bundle.toFile()); OutputStream out = Files.newOutputStream(copy);
                ZipOutputStream changed = new ZipOutputStream(out)) {
            for (ZipEntry entry : zip.stream().toList()) {
                byte[] data;
                try (InputStream in = zip.getInputStream(entry)) {
                    data = in.readAllBytes();
                }
                if (entry.getName().equals(entryName)) {
                    data = change.apply(data);
                }
                changed.putNextEntry(new ZipEntry(entry.getName()));
                changed.write(data);
                changed.closeEntry();
            }
        }
        return copy;
    }
}

package org.logmaster.console.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BundleFileNameTest {

    @Test
    void aCaseNumberBecomesAZipNameOfSafeCharacters() {
        assertThat(BundleFileName.forCase("2026/1234 E.")).isEqualTo("evidence-2026-1234-e.zip");
    }

    @Test
    void pathTricksInTheCaseNumberNameNoFolder() {
        assertThat(BundleFileName.forCase("../../etc/passwd")).isEqualTo("evidence-etc-passwd.zip");
        assertThat(BundleFileName.forCase("..\\..\\x")).isEqualTo("evidence-x.zip");
    }

    @Test
    void controlCharactersAndNothingUsableGiveADefaultName() {
        assertThat(BundleFileName.forCase("\u0000\n/")).isEqualTo("evidence-bundle.zip");
    }

    @Test
    void aVeryLongCaseNumberIsCut() {
        assertThat(BundleFileName.forCase("A".repeat(500))).hasSize("evidence-".length() + 80 + ".zip".length());
    }
}

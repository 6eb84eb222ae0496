package org.logmaster.collector.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RolePermissionsTest {

    @Test
    void administratorsMayDoEverything() {
        assertThat(RolePermissions.of(Role.ADMINISTRATOR)).containsExactlyElementsOf(EnumSet.allOf(Permission.class));
    }

    @Test
    void auditorsReadAndExportButChangeNothing() {
        assertThat(RolePermissions.of(Role.AUDITOR))
                .contains(Permission.AUDIT_READ, Permission.EVIDENCE_EXPORT, Permission.LOGS_READ)
                .doesNotContain(Permission.DEVICES_MANAGE, Permission.USERS_MANAGE);
    }

    @Test
    void viewersNeitherSeeTheAuditTrailNorExport() {
        assertThat(RolePermissions.of(Role.VIEWER))
                .contains(Permission.LOGS_READ, Permission.DEVICES_READ)
                .doesNotContain(Permission.AUDIT_READ, Permission.EVIDENCE_EXPORT, Permission.DEVICES_MANAGE, Permission.USERS_MANAGE);
    }

    /** docs/api.md shows the matrix as a table with one row per permission; it must say what the code does. */
    @Test
    void theMatrixInTheApiDocumentationMatchesTheCode() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("..", "docs", "api.md")).stream()
                .filter(line -> line.startsWith("| `"))
                .filter(line -> EnumSet.allOf(Permission.class).stream().anyMatch(p -> line.startsWith("| `" + p.name() + "`")))
                .toList();
        assertThat(rows).hasSize(Permission.values().length);
        for (String row : rows) {
            String[] cells = row.split("\\|");
            Permission permission = Permission.valueOf(cells[1].strip().replace("`", ""));
            Role[] columns = {Role.ADMINISTRATOR, Role.AUDITOR, Role.VIEWER};
            for (int i = 0; i < columns.length; i++) {
                boolean documented = cells[2 + i].strip().toLowerCase(Locale.ROOT).equals("yes");
                assertThat(documented).as("%s for %s", permission, columns[i])
                        .isEqualTo(RolePermissions.allows(columns[i], permission));
            }
        }
    }
}

import java.nio.file.Files;
import java.nio.file.Path;
import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.config.ConfigLoader;
import org.logmaster.collector.config.ConfigTemplate;

/**
 * Writes the package's /etc/logmaster/collector.yaml from the collector's own template, the one
 * `init` writes, so the conffile and `init` can never disagree. Run by build-deb.sh with the
 * source launcher: java -cp 'lib/*' RenderDefaultConfig.java OUTPUT
 *
 * The time zone is left empty on purpose: the collector then takes the machine's zone at start,
 * instead of the zone of the machine that built the package.
 */
public final class RenderDefaultConfig {
    public static void main(String[] args) throws Exception {
        if (args.length != 1) throw new IllegalArgumentException("usage: RenderDefaultConfig OUTPUT");
        String text = ConfigTemplate.render(CollectorConfig.DEFAULT_DATA_DIR, "", 514, 514, 6514,
                CollectorConfig.Api.DEFAULT_PORT);
        new ConfigLoader().parse(text, "collector.yaml"); // the shipped file must load as it is
        Files.writeString(Path.of(args[0]), text);
    }
}

package dev.catena.host.cli;

import dev.catena.host.HostOptions;
import dev.catena.host.exec.Template;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command that loads a chain takes: parameters for {@code ${...}} and the profile overlay. */
final class ChainOptions {
    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "a value for ${NAME} in chain files (repeatable)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--profile", paramLabel = "NAME", description = "merge chain.NAME.yaml over chain.yaml (default: $CATENA_PROFILE)")
    String profile = System.getenv("CATENA_PROFILE");

    HostOptions apply(HostOptions o) {
        return o.withTemplate(new Template(params, System::getenv, profile));
    }

    /** Where a watched chain keeps status.json, audit.jsonl and control.json: {@code <dir>/.catena/<chain file name>/}. */
    static Path stateDir(Path chainFile) {
        String name = chainFile.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        return chainFile.toAbsolutePath().getParent().resolve(".catena").resolve(name);
    }
}

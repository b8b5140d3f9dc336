package dev.catena.host.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * A parsed chain file, before scripts are loaded.
 *
 * @param name     chain name ({@code chain:}, defaulting to the file name)
 * @param file     display name of the chain file
 * @param baseDir  directory script paths are relative to
 * @param steps    steps in order
 * @param onError  default failure policy for steps that set none
 * @param problems problems found while parsing; the steps hold only those that parsed
 */
public record ChainSpec(String name, String file, Path baseDir, List<StepSpec> steps, OnError onError, List<Problem> problems) {
    public ChainSpec {
        steps = List.copyOf(steps);
        problems = List.copyOf(problems);
    }
}

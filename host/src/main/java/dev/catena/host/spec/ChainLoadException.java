package dev.catena.host.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A chain could not be loaded; {@link #problems()} lists every problem found, not just the first. */
public final class ChainLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ChainLoadException(List<Problem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}

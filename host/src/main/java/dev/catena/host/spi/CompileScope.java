package dev.catena.host.spi;

import dev.catena.host.spec.YamlNode;

/** What an extension sees while its step or condition is compiled. */
public interface CompileScope {
    /** The chain's name. */
    String chain();

    /** The chain file's display name. */
    String file();

    /** Reports a problem at a node; loading fails after every problem is collected. */
    void problem(YamlNode at, String message);

    /** Releases a resource when the chain closes (an SMT instance, say). */
    void onClose(AutoCloseable resource);
}

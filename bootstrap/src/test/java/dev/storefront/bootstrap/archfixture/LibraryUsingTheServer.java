package dev.storefront.bootstrap.archfixture;

import dev.storefront.bootstrap.server.Main;

/** Deliberately bad: a library class that starts the standalone server's command line. */
public final class LibraryUsingTheServer {
    private LibraryUsingTheServer() {}

    public static int serve() {
        return new Main(java.util.Map.of(), System.out, System.err).run(new String[0]);
    }
}

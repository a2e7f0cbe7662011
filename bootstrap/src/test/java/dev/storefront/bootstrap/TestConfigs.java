package dev.storefront.bootstrap;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Configurations for tests: a free port on loopback, a database in the given directory. */
final class TestConfigs {
    private TestConfigs() {}

    static Map<String, String> environment(Path dataDir, String... more) {
        Map<String, String> environment = new HashMap<>();
        environment.put("PORT", "0");
        environment.put("HOST", "127.0.0.1");
        environment.put("DATA_DIR", dataDir.toString());
        environment.putAll(TestServer.databaseEnvironment(dataDir));
        for (int i = 0; i + 1 < more.length; i += 2) {
            environment.put(more[i], more[i + 1]);
        }
        return environment;
    }

    static StorefrontConfig config(Path dataDir, String... more) {
        return StorefrontConfig.from(environment(dataDir, more), new String[0]).config();
    }
}

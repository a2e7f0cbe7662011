package dev.storefront.bootstrap.server;

import dev.storefront.bootstrap.ConfigException;
import dev.storefront.bootstrap.Storefront;
import dev.storefront.bootstrap.StorefrontConfig;
import dev.storefront.domain.port.in.account.GrantAdminUseCase.GrantAdminCommand;
import dev.storefront.domain.user.UnknownUser;
import dev.storefront.domain.user.User;
import dev.storefront.http.HttpApi;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The executable jar's command line: {@code serve} (the default) and {@code --help}; later
 * commands are added to {@link #COMMANDS}. Every command reads the same configuration.
 */
public final class Main {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /** The commands and what they do, as {@code --help} lists them. */
    static final Map<String, String> COMMANDS = new java.util.LinkedHashMap<>();

    static {
        COMMANDS.put("serve", "start the HTTP server (the default command)");
        COMMANDS.put("grant-admin USERNAME", "give a user the admin role");
        COMMANDS.put("import-catalog FILE.json", "create or update products by sku from a catalog file, all or nothing");
    }

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    public Main(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        Logging.configure();
        int code = new Main(System.getenv(), System.out, System.err).run(args);
        if (code != OK) {
            System.exit(code);
        }
    }

    public int run(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")
                || (args.length > 0 && args[0].equals("help"))) {
            out.print(help());
            return OK;
        }
        StorefrontConfig.Parsed parsed;
        try {
            parsed = StorefrontConfig.from(environment, args);
        } catch (ConfigException e) {
            err.println("storefront: " + e.getMessage());
            return FAILED;
        }
        List<String> arguments = parsed.arguments();
        String command = arguments.isEmpty() ? "serve" : arguments.get(0);
        List<String> rest = arguments.isEmpty() ? List.of() : arguments.subList(1, arguments.size());
        try {
            switch (command) {
                case "serve":
                    return serve(parsed.config(), rest, args);
                case "grant-admin":
                    return grantAdmin(parsed.config(), rest);
                case "import-catalog":
                    return new ImportCatalogCommandLine(out, err).run(parsed.config(), rest);
                default:
                    err.println("storefront: unknown command \"" + command + "\" (see --help)");
                    return USAGE;
            }
        } catch (RuntimeException e) {
            err.println("storefront: " + oneLine(e));
            return FAILED;
        }
    }

    private int serve(StorefrontConfig config, List<String> rest, String[] args) {
        if (!rest.isEmpty()) {
            err.println("storefront: serve takes no arguments");
            return USAGE;
        }
        Optional<List<String>> serverJvm = ServerJvm.commandForThisProcess(config.jvmOptions(), environment, List.of(args));
        if (serverJvm.isPresent()) {
            try {
                return ServerJvm.run(serverJvm.get(), config.jvmOptions());
            } catch (IOException e) {
                err.println("storefront: cannot start the server's JVM (" + oneLine(e) + "); set JVM_OPTIONS= to serve in this one");
                return FAILED;
            }
        }
        ServerJvm.stopWithLauncher(environment);
        HttpApi.preloadInBackground();
        StorefrontServer server = StorefrontServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and Ctrl-C run the hook: requests in flight finish, then the database closes.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "storefront-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    private int grantAdmin(StorefrontConfig config, List<String> rest) {
        if (rest.size() != 1) {
            err.println("storefront: usage: grant-admin USERNAME");
            return USAGE;
        }
        useExistingDatabase(config, err);
        try (Storefront storefront = Storefront.builder().config(config).build()) {
            User admin = storefront.accounts().grantAdmin().grantAdmin(new GrantAdminCommand(rest.get(0)));
            out.println("granted the admin role to " + admin.username());
            return OK;
        } catch (UnknownUser e) {
            err.println("storefront: " + e.getMessage());
            return FAILED;
        }
    }

    /**
     * What every command but {@code serve} does before it opens the database: says which one, in a
     * line on stderr (stdout stays the command's result), or fails when there is none.
     */
    static void useExistingDatabase(StorefrontConfig config, PrintStream err) {
        config.requireExistingDatabase();
        err.println("storefront: database " + config.databaseDescription());
    }

    /** A failure as one line: the innermost message that says something, without a stack trace. */
    static String oneLine(Throwable failure) {
        String message = failure.getMessage();
        Throwable cause = failure.getCause();
        while ((message == null || message.isBlank()) && cause != null) {
            message = cause.getMessage();
            cause = cause.getCause();
        }
        return message == null ? failure.getClass().getSimpleName() : message.replaceAll("\\s+", " ");
    }

    static String help() {
        StringBuilder help = new StringBuilder();
        help.append("Storefront: accounts and shop backend.\n\n")
                .append("Usage: java -jar storefront.jar [COMMAND] [ARGS] [--NAME=VALUE ...]\n\nCommands:\n");
        COMMANDS.forEach((name, meaning) -> help.append(String.format("  %-28s %s%n", name, meaning)));
        help.append(String.format("  %-28s %s%n", "--help", "show this help"));
        help.append("\nConfiguration (environment variables, or --name=value on the command line, which wins):\n");
        for (StorefrontConfig.Variable variable : StorefrontConfig.VARIABLES) {
            help.append(String.format("  %-22s %-44s %s%n", variable.name(), variable.defaultValue(), variable.meaning()));
        }
        return help.toString();
    }
}
